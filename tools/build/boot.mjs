// Step 6: the page's loader. Trunk writes an inline module script that imports the glue and
// starts the wasm, and preloads the glue and the wasm; a strict CSP allows no inline script,
// and WebKit neither checks a module preload's integrity nor hands a fetch preload to fetch()
// (it would download the wasm twice). So the page gets two checked scripts instead:
// boot-<hash>.js (tools/runtime/boot.js), which fetches the wasm and the first view's text,
// each checked, and then the glue (with the chunk loader inside), which hands its exports over
// to it. Release builds append tools/runtime/offline.js to boot.js, which loads the service
// worker's registration (sw-register-<hash>.js, tools/runtime/sw-register.js) once the first
// view is ready.
import { join } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { fail, fill, hashOf, minifyJs, runtimeFile, sri } from "./context.mjs";
import { hashesOf } from "./integrity.mjs";

const INLINE_LOADER = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/;

/** Writes sw-register-<hash>.js (release builds); returns its name. */
export async function writeRegistration(build) {
  const code = await minifyJs(runtimeFile("sw-register.js"), "service worker registration");
  const name = `sw-register-${hashOf(code)}.js`;
  writeFileSync(join(build.staging, name), code);
  return name;
}

/**
 * Replaces Trunk's loader and preloads with boot-<hash>.js. `code` is the split step's result,
 * `firstView` the content files the first view may open with, `listName` the file of the
 * other files' hashes, `registration` the service worker's registration (release builds).
 * Returns the loader's name.
 */
export async function writeBoot(build, code, { firstView, listName, registration }) {
  const { page, release } = build;
  const { glueName, wasmName } = code;
  const inline = page.html.match(INLINE_LOADER);
  if (!inline) fail("Trunk's inline loader was not found in index.html");
  // boot.js does what Trunk's loader does, with the same files: check that it still imports
  // our glue and starts it with our wasm, so a change in Trunk is noticed here.
  const trunkLoader = inline[1];
  if (!trunkLoader.includes(`from './${glueName}'`) || !trunkLoader.includes(`module_or_path: './${wasmName}'`)) {
    fail(`Trunk's loader has an unexpected shape:\n${trunkLoader}`);
  }
  let source = fill(runtimeFile("boot.js"), {
    FIRST: JSON.stringify(hashesOf(build, [wasmName, ...firstView, listName])),
    LIST: JSON.stringify(listName),
    WASM: JSON.stringify(wasmName),
    GLUE: JSON.stringify(glueName),
  }, "boot.js");
  if (registration) source += fill(runtimeFile("offline.js"), { SW_REGISTER: JSON.stringify(registration) }, "offline.js");
  // Minified in release builds (it is part of the first view); readable in debug builds.
  const bootCode = release ? await minifyJs(source, "loader") : source;
  const name = `boot-${hashOf(bootCode)}.js`;
  writeFileSync(join(build.staging, name), bootCode);
  // Trunk's preloads go: the glue has a checked <script> of its own (WebKit would put an
  // unchecked copy of it in the module map), and boot.js fetches the wasm itself (WebKit does
  // not hand a fetch preload to fetch(), and would download the wasm twice).
  for (const preload of [`<link rel="modulepreload" href="./${glueName}"`, `<link rel="preload" href="./${wasmName}"`]) {
    const link = new RegExp(`[ \\t]*${preload.replace(/[.]/g, "\\.")}[^>]*>\\n?`);
    if (!link.test(page.html)) fail(`index.html has no ${preload}>`);
    page.html = page.html.replace(link, "");
  }
  const glue = readFileSync(join(build.staging, glueName));
  page.html = page.html.replace(INLINE_LOADER, `<script type="module" src="./${name}" integrity="${sri(bootCode)}"></script>` +
    `<script type="module" src="./${glueName}" integrity="${sri(glue)}"></script>`);
  return name;
}
