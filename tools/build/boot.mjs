// Step 4: the page's loader. Trunk writes an inline module script that imports the glue and
// starts the wasm; a strict CSP allows no inline script, so it is replaced by boot-<hash>.js
// (tools/runtime/boot.js), which does the same and more: it starts the first view's
// downloads early and shows a readable panel if the app cannot start. Release builds append
// tools/runtime/offline.js, which imports the service worker's registration
// (sw-register-<hash>.js, tools/runtime/sw-register.js) once the first view is ready.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail, fill, hashOf, minifyJs, runtimeFile } from "./context.mjs";

const INLINE_LOADER = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/;

/** Writes sw-register-<hash>.js (release builds); returns its name. */
async function writeRegistration(build) {
  const code = await minifyJs(runtimeFile("sw-register.js"), "service worker registration");
  const name = `sw-register-${hashOf(code)}.js`;
  writeFileSync(join(build.staging, name), code);
  return name;
}

/**
 * Replaces Trunk's inline loader with boot-<hash>.js. `code` names the glue and the wasm;
 * `content.files` lists the content files by language and feature. Returns the loader's name.
 */
export async function writeBoot(build, { glueName, wasmName }, content) {
  const { page, release } = build;
  const inline = page.html.match(INLINE_LOADER);
  if (!inline) fail("Trunk's inline loader was not found in index.html");
  // boot.js does what Trunk's loader does, with the same files: check that it still imports
  // our glue and starts it with our wasm, so a change in Trunk is noticed here.
  const trunkLoader = inline[1];
  if (!trunkLoader.includes(`from './${glueName}'`) || !trunkLoader.includes(`module_or_path: './${wasmName}'`)) {
    fail(`Trunk's loader has an unexpected shape:\n${trunkLoader}`);
  }
  // The files the first view can open with: the shell's text and each tool's, per language
  // (not the self-check's results part, which only its last screens need).
  const firstViewFiles = Object.fromEntries(
    Object.entries(content.files).map(([lang, byTool]) => [
      lang,
      Object.fromEntries(Object.entries(byTool).filter(([tool]) => tool !== "results")),
    ]),
  );
  let source = fill(runtimeFile("boot.js"), {
    FIRST_VIEW_FILES: JSON.stringify(firstViewFiles),
    WASM: JSON.stringify(`./${wasmName}`),
    GLUE: JSON.stringify(`./${glueName}`),
  }, "boot.js");
  if (release) {
    const registration = await writeRegistration(build);
    source += fill(runtimeFile("offline.js"), { SW_REGISTER: JSON.stringify(`./${registration}`) }, "offline.js");
  }
  // Minified in release builds (it is part of the first view); readable in debug builds.
  const code = release ? await minifyJs(source, "loader") : source;
  const name = `boot-${hashOf(code)}.js`;
  writeFileSync(join(build.staging, name), code);
  page.html = page.html.replace(INLINE_LOADER, `<script type="module" src="./${name}"></script>`);
  return name;
}
