// Step 2: code splitting. Built with the `split` feature, the wasm imports each split part's
// entry point from a placeholder. wasm-split-cli reads the linker's relocations in cargo's own
// output (wasm-bindgen drops them, so Trunk's copy cannot be split: trunk-rs/trunk#1022) and
// writes the main module, one chunk per split part plus the chunks they share, and a small
// loader (`__wasm_split.js`). The main module then goes through wasm-bindgen (keeping the
// function table the chunks link into) and wasm-opt, and replaces Trunk's glue and wasm under
// the same names; the loader and the chunks get the same hash suffix
// (`ketamine-guide-<hash>-split.js`, `ketamine-guide-<hash>-<part>.wasm`). The loader fetches
// chunks beside itself (import.meta.url), so the embed finds them in its own folder.
import { readFileSync, writeFileSync, readdirSync, copyFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fail, minifyJs, run, sri } from "./context.mjs";

// Same features as Trunk's wasm-opt, plus the ones rustc's wasm32 target emits by default.
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

// The main module is the first view's biggest file: flattening and re-looping its control flow
// before two -Oz rounds saves about 0.7 KB brotli more than -Oz alone (measured; other
// combinations, such as --converge or --gufa, saved less). The chunks keep plain -Oz.
const MAIN_PASSES = ["--flatten", "--rereloop", "-Oz", "-Oz"];

/** Replaces `before`'s integrity value in the page with `after`'s. */
function swapIntegrity(page, before, after, what) {
  if (!page.html.includes(sri(before))) fail(`the ${what}'s integrity attribute was not found in index.html`);
  page.html = page.html.replace(sri(before), sri(after));
}

/**
 * Splits cargo's wasm and puts the results under Trunk's names. Returns `{ glueName, wasmName,
 * loaderName, chunkNames }` (file names in the bundle).
 */
export function splitCode(build) {
  const { staging, page } = build;
  // Trunk's wasm-bindgen glue, `ketamine-guide-<hash>.js`.
  const glueName = readdirSync(staging).find((f) => /^ketamine-guide-[0-9a-f]+\.js$/.test(f));
  if (!glueName) fail("wasm-bindgen glue not found");
  const base = glueName.slice(0, -3);
  const wasmName = `${base}_bg.wasm`;
  const loaderName = `${base}-split.js`;
  const chunkName = (f) => `${base}-${f.replace(/^split_/, "")}`;
  const cargoWasm = join(build.cargoOut, "ketamine-guide.wasm");
  if (!existsSync(cargoWasm)) fail(`cargo's wasm ${cargoWasm} is missing`);
  const work = join(build.target, "kg-split");
  rmSync(work, { recursive: true, force: true });

  run("wasm-split-cli", ["--target", "web", "--out-name", "main", cargoWasm, join(work, "split")]);
  const chunks = readdirSync(join(work, "split")).filter((f) => f.endsWith(".wasm") && f !== "main.wasm");
  if (!chunks.some((f) => f.startsWith("split_"))) fail("wasm-split-cli cut no chunk: was the wasm built with the split feature and --emit-relocs?");
  run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--out-dir", join(work, "bindgen"), "--out-name", "main", join(work, "split", "main.wasm")]);
  // No custom section is needed at run time.
  const optimise = (from, to, passes = ["-Oz"]) => build.release
    ? run("wasm-opt", [...passes, ...FEATURES, "--strip-producers", "--strip-target-features", from, "-o", to])
    : copyFileSync(from, to);

  const trunkGlue = readFileSync(join(staging, glueName), "utf8");
  let glue = readFileSync(join(work, "bindgen", "main.js"), "utf8");
  // Only the import statements: the wasm's own import module name ("./__wasm_split.js", a key
  // of the imports object) stays.
  const loaderRef = /from\s*(["'])\.\/__wasm_split\.js\1/g;
  if (!loaderRef.test(glue)) fail("the split glue does not import __wasm_split.js");
  glue = glue.replace(loaderRef, `from "./${loaderName}"`).replaceAll("main_bg.wasm", wasmName);
  let loader = readFileSync(join(work, "split", "__wasm_split.js"), "utf8");
  if (!loader.includes('"./main.js"')) fail("__wasm_split.js does not import ./main.js");
  loader = loader.replace('"./main.js"', `"./${glueName}"`);
  for (const f of chunks) {
    if (!loader.includes(`"./${f}"`)) fail(`__wasm_split.js does not name ${f}`);
    loader = loader.replace(`"./${f}"`, `"./${chunkName(f)}"`);
    optimise(join(work, "split", f), join(staging, chunkName(f)));
  }
  writeFileSync(join(staging, loaderName), loader);
  optimise(join(work, "bindgen", "main_bg.wasm"), join(staging, wasmName), MAIN_PASSES);
  writeFileSync(join(staging, glueName), glue);

  swapIntegrity(page, trunkGlue, glue, "glue");
  // The glue imports the loader: preload it beside the glue, not one round trip after it.
  const gluePreload = page.html.match(new RegExp(`<link rel="modulepreload" href="\\./${glueName.replace(".", "\\.")}"[^>]*>`));
  if (!gluePreload) fail("the glue's modulepreload link was not found in index.html");
  page.html = page.html.replace(gluePreload[0], `${gluePreload[0]}<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}">`);
  // Trunk's integrity is of the wasm it wrote, and browsers ignore integrity on a fetch preload
  // anyway (Chromium says so in the console): the attribute goes.
  const trunkWasmSri = page.html.match(new RegExp(`(href="\\./${wasmName}"[^>]*) integrity="sha384-[^"]+"`));
  if (!trunkWasmSri) fail("the wasm's integrity attribute was not found in index.html");
  page.html = page.html.replace(trunkWasmSri[0], trunkWasmSri[1]);
  return { glueName, wasmName, loaderName, chunkNames: chunks.map(chunkName) };
}

/**
 * Step 3 (release): wasm-bindgen's glue is readable source; terser shrinks it (import names are
 * property keys and survive). Its integrity value in index.html is recomputed to match.
 */
export async function minifyGlue(build, { glueName }) {
  const path = join(build.staging, glueName);
  const before = readFileSync(path, "utf8");
  const code = await minifyJs(before, "glue");
  writeFileSync(path, code);
  swapIntegrity(build.page, before, code, "glue");
}
