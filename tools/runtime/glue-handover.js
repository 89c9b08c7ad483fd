// Appended to the JS glue, ketamine-guide-<hash>.js. The page (index.html) and embed.js load it
// with a <script type="module" integrity> element (the one way every engine checks a module's
// bytes), which cannot hand back its exports: the module does, to boot.js or embed.js, by
// importing itself (the module already loaded, not a new download).
import(import.meta.url).then((m) => globalThis.__kgModule?.(m));
