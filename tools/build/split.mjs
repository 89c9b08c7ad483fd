// Step 2: code splitting. Built with the `split` feature, the wasm imports each split part's
// entry point from a placeholder. wasm-split-cli reads the linker's relocations in cargo's own
// output (wasm-bindgen drops them, so Trunk's copy cannot be split: trunk-rs/trunk#1022) and
// writes the main module, one chunk per split part plus the chunks they share, and a small
// loader (`__wasm_split.js`). The main module then goes through wasm-bindgen (keeping the
// function table the chunks link into) and wasm-opt, and replaces Trunk's wasm under the same
// name; the chunks get the same hash suffix (`ketamine-guide-<hash>-<part>.wasm`). The loader
// goes inside the glue (one module: see inlineLoader) and fetches each chunk through the page's
// checked fetch, `__kgFetch(name)`, from the page's or the embed's folder.
import { readFileSync, writeFileSync, readdirSync, copyFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fail, minifyJs, run, runtimeFile } from "./context.mjs";

// Same features as Trunk's wasm-opt, plus the ones rustc's wasm32 target emits by default.
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

// The main module is the first view's biggest file: merging functions that differ only in
// constants, then flattening and re-looping its control flow before two -Oz rounds, saves about
// 0.85 KB brotli more than -Oz alone (measured: the merge 130 bytes, the rest 0.7 KB; other
// combinations, such as --converge, --gufa, or the merge after -Oz, saved less). The chunks
// keep plain -Oz.
const MAIN_PASSES = ["--merge-similar-functions", "--flatten", "--rereloop", "-Oz", "-Oz"];

/**
 * Splits cargo's wasm and puts the results under Trunk's names: the glue (with the chunk loader
 * inside), the main wasm and the chunks. Returns `{ glueName, wasmName, chunkNames }`.
 */
export function splitCode(build) {
  const { staging } = build;
  // Trunk's wasm-bindgen glue, `ketamine-guide-<hash>.js`.
  const glueName = readdirSync(staging).find((f) => /^ketamine-guide-[0-9a-f]+\.js$/.test(f));
  if (!glueName) fail("wasm-bindgen glue not found");
  const base = glueName.slice(0, -3);
  const wasmName = `${base}_bg.wasm`;
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

  let loader = readFileSync(join(work, "split", "__wasm_split.js"), "utf8");
  for (const f of chunks) {
    const fetchOf = `fetch(new URL("./${f}", import.meta.url))`;
    if (!loader.includes(fetchOf)) fail(`__wasm_split.js does not fetch ${f} as expected`);
    // Through the page's checked fetch (boot.js or embed.js): the chunk's bytes are verified.
    loader = loader.replace(fetchOf, `__kgFetch(${JSON.stringify(chunkName(f))})`);
    optimise(join(work, "split", f), join(staging, chunkName(f)));
  }
  optimise(join(work, "bindgen", "main_bg.wasm"), join(staging, wasmName), MAIN_PASSES);
  const bindgen = readFileSync(join(work, "bindgen", "main.js"), "utf8").replaceAll("main_bg.wasm", wasmName);
  const glue = inlineLoader(bindgen, loader);
  // The glue, then its hand-over to boot.js or embed.js (tools/runtime/glue-handover.js).
  writeFileSync(join(staging, glueName), `${glue}\n${runtimeFile("glue-handover.js")}`);
  return { glueName, wasmName, chunkNames: chunks.map(chunkName) };
}

/**
 * One module from two: the glue imports the chunk loader (`import * as importN from
 * "./__wasm_split.js"`, the wasm's imports) and the loader imports the glue's `initSync`. A
 * module's static imports are fetched without an integrity check in WebKit, so the loader goes
 * inside the glue, as an object built where the imports were; `initSync` is a function
 * declaration of the glue, hoisted, and only called once a chunk loads.
 */
function inlineLoader(glue, loader) {
  const imports = [...glue.matchAll(/^import \* as (import\d+) from "\.\/__wasm_split\.js";?\n/gm)];
  if (imports.length === 0) fail("the split glue does not import __wasm_split.js");
  if ((glue.match(/^import /gm) || []).length !== imports.length) fail("the split glue has an import other than __wasm_split.js");
  const initImport = /^import \{ initSync \} from "\.\/main\.js";?\n/m;
  if (!initImport.test(loader)) fail("__wasm_split.js does not import initSync from ./main.js");
  if (/^import /m.test(loader.replace(initImport, ""))) fail("__wasm_split.js has another import");
  const exported = [...loader.matchAll(/^export const (\w+) = /gm)].map((m) => m[1]);
  if (exported.length === 0 || /^export (?!const )/m.test(loader)) fail("__wasm_split.js exports in an unexpected way");
  const body = loader.replace(initImport, "").replace(/^export const /gm, "const ");
  const object = `const __kg_split = (() => {\n${body}\nreturn { ${exported.join(", ")} };\n})();\n`;
  const aliases = imports.map((m) => `const ${m[1]} = __kg_split;\n`).join("");
  let out = glue;
  for (const m of imports) out = out.replace(m[0], "");
  return object + aliases + out;
}

/**
 * Step 3 (release): wasm-bindgen's glue is readable source; terser shrinks it
 * (import names are property keys and survive).
 */
export async function minifyGlue(build, { glueName }) {
  const path = join(build.staging, glueName);
  writeFileSync(path, await minifyJs(readFileSync(path, "utf8"), "glue"));
}
