// Appended to the embed's module, ketamine-guide-<hash>.js. embed.js loads the module with a
// <script type="module" integrity> element (the one way every engine checks a module's bytes),
// which cannot hand back its exports: the module does, by importing itself (the module already
// loaded, not a new download).
import(import.meta.url).then((m) => globalThis.__kgModule?.(m));
