// Trunk post_build hook: runs on the staging directory before it becomes dist/.
// 1. Moves Trunk's inline module loader into an external, hashed `boot-<hash>.js` (strict CSP)
//    and guards start-up, so a wasm that fails to load shows a readable panel.
// 2. Release builds: registers the service worker from boot.js and generates `sw.js` from the
//    hashed output files (cache name from their content hash).
// 3. Copies the content files (`kg-<locale>-<feature>-<hash>.json`, written by build.rs) that
//    the app fetches when a language or tool is first shown.
// 4. Writes the embed: one stylesheet bundle for shadow roots and `embed.js`, the loader that
//    defines <ketamine-guide>.
import { readFileSync, writeFileSync, readdirSync, statSync, copyFileSync, existsSync, unlinkSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { minify } from "terser";
import { join, relative } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === "release";
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
/** Every file under `dir`, as paths. */
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const hashOf = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);
/** Subresource-integrity value of a file's text or bytes. */
const sri = (data) => `sha384-${createHash("sha384").update(data).digest("base64")}`;
const fail = (msg) => {
  console.error(`post-build: ${msg}`);
  process.exit(1);
};

// Comments out, whitespace collapsed, none around braces and semicolons (where it never
// matters). Values keep their single spaces; our stylesheets have no string with `{`, `}`,
// `;` or repeated spaces in it.
const minifyCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};])\s*/g, "$1")
    .trim();

// terser over one of our JS files (module code); `what` names it if terser gives nothing back.
const minifyJs = async (source, what) => {
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  if (!code) fail(`terser returned nothing for the ${what}`);
  return code;
};

const contentFiles = {};
// --- 0. content files -----------------------------------------------------------------------
// build.rs writes them into the crate's OUT_DIR; the newest index is the build just made.
{
  const target = process.env.CARGO_TARGET_DIR || join(process.env.TRUNK_SOURCE_DIR || ".", "target");
  const buildDir = join(target, "wasm32-unknown-unknown", release ? "release" : "debug", "build");
  const outs = (existsSync(buildDir) ? readdirSync(buildDir) : [])
    .filter((d) => d.startsWith("ketamine-guide-"))
    .map((d) => join(buildDir, d, "out"))
    .filter((d) => existsSync(join(d, "content_index.rs")))
    .sort((a, b) => statSync(join(b, "content_index.rs")).mtimeMs - statSync(join(a, "content_index.rs")).mtimeMs);
  if (outs.length === 0) fail(`no content index under ${buildDir}`);
  const index = readFileSync(join(outs[0], "content_index.rs"), "utf8");
  const names = [...index.matchAll(/Some\("(kg-[a-z]+-[a-z]+-[0-9a-f]{16}\.json)"\)/g)].map((m) => m[1]);
  if (names.length === 0) fail("the content index names no content files");
  for (const name of names) {
    if (!existsSync(join(outs[0], name))) fail(`content file ${name} is missing from ${outs[0]}`);
    copyFileSync(join(outs[0], name), join(staging, name));
  }
  // The stylesheets of the tools that are not in the first view, linked by the app on first use.
  const styles = [...index.matchAll(/Some\("(kg-style-[a-z]+-[0-9a-f]{16}\.css)"\)/g)].map((m) => m[1]);
  if (styles.length === 0) fail("the content index names no tool stylesheet");
  for (const name of styles) {
    if (!existsSync(join(outs[0], name))) fail(`stylesheet ${name} is missing from ${outs[0]}`);
    writeFileSync(join(staging, name), minifyCss(readFileSync(join(outs[0], name), "utf8")));
  }
  // Every file by language and tool, for the loader's early start on the first view's two.
  for (const name of names) {
    const [, lang, feature] = name.match(/^kg-([a-z]+)-([a-z]+)-/);
    (contentFiles[lang] ??= {})[feature] = name;
  }
}

// Trunk's wasm-bindgen glue, `ketamine-guide-<hash>.js`: steps 0a and 0b replace its content.
const glueName = readdirSync(staging).find((f) => /^ketamine-guide-[0-9a-f]+\.js$/.test(f));
if (!glueName) fail("wasm-bindgen glue not found");

// --- 0a. code splitting ----------------------------------------------------------------------
// Built with the `split` feature, the wasm imports each split tool's entry point from a
// placeholder. wasm-split-cli reads the linker's relocations in cargo's own output (wasm-bindgen
// drops them, so Trunk's copy cannot be split) and writes the main module, one chunk per split
// tool plus a shared chunk, and a small loader (`__wasm_split.js`). The main module then goes
// through wasm-bindgen (keeping the function table the chunks link into) and wasm-opt, and
// replaces Trunk's glue and wasm under the same names; the loader and the chunks get the same
// hash suffix. Chunks are fetched beside the loader (import.meta.url), so the embed finds them
// in its own folder.
{
  const base = glueName.slice(0, -3);
  const wasmName = `${base}_bg.wasm`;
  const target = process.env.CARGO_TARGET_DIR || join(process.env.TRUNK_SOURCE_DIR || ".", "target");
  const cargoWasm = join(target, "wasm32-unknown-unknown", release ? "release" : "debug", "ketamine-guide.wasm");
  if (!existsSync(cargoWasm)) fail(`cargo's wasm ${cargoWasm} is missing`);
  const work = join(target, "kg-split");
  rmSync(work, { recursive: true, force: true });
  const run = (cmd, args) => {
    try {
      execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      fail(`${cmd} ${args.join(" ")} failed:\n${e.stderr || e.message}`);
    }
  };
  run("wasm-split-cli", ["--target", "web", "--out-name", "main", cargoWasm, join(work, "split")]);
  const chunks = readdirSync(join(work, "split")).filter((f) => f.endsWith(".wasm") && f !== "main.wasm");
  if (!chunks.some((f) => f.startsWith("split_"))) fail("wasm-split-cli cut no chunk: was the wasm built with the split feature and --emit-relocs?");
  run("wasm-bindgen", ["--target", "web", "--keep-lld-exports", "--out-dir", join(work, "bindgen"), "--out-name", "main", join(work, "split", "main.wasm")]);
  const loaderName = `${base}-split.js`;
  const chunkName = (f) => `${base}-${f.replace(/^split_/, "")}`;
  // Same features as Trunk's wasm-opt, plus the ones rustc's wasm32 target emits by default.
  const features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
  // The main module is the first view's biggest file: flattening and re-looping its control
  // flow before two -Oz rounds saves about 0.7 KB brotli more than -Oz alone (measured; other
  // combinations, such as --converge or --gufa, saved less). The chunks keep plain -Oz. No
  // custom section is needed at run time.
  const optimise = (from, to, passes = ["-Oz"]) => release
    ? run("wasm-opt", [...passes, ...features, "--strip-producers", "--strip-target-features", from, "-o", to])
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
  optimise(join(work, "bindgen", "main_bg.wasm"), join(staging, wasmName), ["--flatten", "--rereloop", "-Oz", "-Oz"]);
  writeFileSync(join(staging, glueName), glue);
  const swap = (before, after, what) => {
    if (!html.includes(sri(before))) fail(`the ${what}'s integrity attribute was not found in index.html`);
    html = html.replace(sri(before), sri(after));
  };
  swap(trunkGlue, glue, "glue");
  // The glue imports the loader: preload it beside the glue, not one round trip after it.
  const gluePreload = html.match(new RegExp(`<link rel="modulepreload" href="\\./${glueName.replace(".", "\\.")}"[^>]*>`));
  if (!gluePreload) fail("the glue's modulepreload link was not found in index.html");
  html = html.replace(gluePreload[0], `${gluePreload[0]}<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}">`);
  // Trunk's integrity is of the wasm it wrote, and browsers ignore integrity on a fetch preload
  // anyway (Chromium says so in the console): the attribute goes.
  const trunkWasmSri = html.match(new RegExp(`(href="\\./${wasmName}"[^>]*) integrity="sha384-[^"]+"`));
  if (!trunkWasmSri) fail("the wasm's integrity attribute was not found in index.html");
  html = html.replace(trunkWasmSri[0], trunkWasmSri[1]);
}

// --- 0b. minified JS glue (release) -----------------------------------------------------------
// wasm-bindgen's glue is readable source; terser shrinks it (import names are property keys and
// survive). Its integrity hash in index.html is recomputed to match.
if (release) {
  const before = readFileSync(join(staging, glueName), "utf8");
  const code = await minifyJs(before, "glue");
  writeFileSync(join(staging, glueName), code);
  if (!html.includes(sri(before))) fail("the glue's integrity attribute was not found in index.html");
  html = html.replace(sri(before), sri(code));
}

// --- 1. the loader --------------------------------------------------------------------------
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) fail("Trunk's inline loader was not found in index.html");
// Static imports cannot sit inside the try block, so the bindings import becomes dynamic.
// Performance marks (kg-boot, kg-glue, kg-wasm) let the bench split start-up into phases.
const loader = match[1].trim().replace(
  /import init, \* as bindings from '([^']+)';/,
  "performance.mark('kg-boot');\nstartFirstView();\nconst bindings = await import('$1');\nperformance.mark('kg-glue');\nconst init = bindings.default;",
);
if (!/performance\.mark\('kg-glue'\)/.test(loader)) fail("Trunk's loader has no bindings import to mark");
const withMark = loader.replace(/(const wasm = await init\([^;]*\);)/, "$1\nperformance.mark('kg-wasm');");
if (withMark === loader) fail("Trunk's loader has no init call to mark");
// The wasm compiles (streaming, off the main thread) while the glue is imported, instead of
// after: init then only instantiates. Where streaming compilation is refused (a server without
// the wasm MIME type), init fetches and compiles the file itself as before.
const marked = withMark
  .replace(
    "startFirstView();",
    "const compiled = compileEarly($1);\nstartFirstView();".replace("$1", (withMark.match(/init\(\{ module_or_path: ('[^']+') \}\)/) || [])[1]),
  )
  .replace(/init\(\{ module_or_path: ('[^']+') \}\)/, "init({ module_or_path: await compiled })");
if (!marked.includes("compileEarly('") || !marked.includes("module_or_path: await compiled")) {
  fail("Trunk's loader init call has an unexpected shape:\n" + withMark);
}
if (/^\s*import\s/m.test(loader)) fail("unexpected static import in Trunk's loader:\n" + loader);

// Offline use: the service worker caches the app once it has started. It is only ever
// registered from the app's own origin (never by embed.js on a host page), by a module of its
// own that the loader imports once the first view is ready (data-ready): registering, and
// caching every file for offline use, never compete with start-up, and the code to do it is
// not part of the first view's bytes.
const registerSource = `
navigator.serviceWorker.register("./sw.js").then((reg) => {
  const announce = (worker) => {
    window.__kgUpdate = worker;
    dispatchEvent(new CustomEvent("kg-update-available"));
  };
  if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const worker = reg.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
    });
  });
}, (err) => console.warn("ketamine-guide: offline support unavailable", err));
addEventListener("kg-update-accept", () => {
  const worker = window.__kgUpdate;
  if (!worker) return;
  navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
  worker.postMessage("skip-waiting");
});
`;
const registerCode = release ? await minifyJs(registerSource, "service worker registration") : "";
const registerName = `sw-register-${hashOf(registerCode)}.js`;
if (release) writeFileSync(join(staging, registerName), registerCode);

const serviceWorker = `
if ("serviceWorker" in navigator) {
  // After the first idle moment that follows data-ready: the person's first interactions come
  // before it.
  const later = window.requestIdleCallback
    ? (f) => requestIdleCallback(f, { timeout: 2000 })
    : (f) => setTimeout(f, 500);
  const register = () => later(() => import("./${registerName}"));
  const ready = () => document.querySelector('.kg-app[data-ready="true"]');
  if (ready()) register();
  else {
    const watch = new MutationObserver(() => {
      if (!ready()) return;
      watch.disconnect();
      register();
    });
    watch.observe(document.getElementById("kg-root") || document.body, { subtree: true, childList: true, attributes: true });
  }
}
`;

// The files the first view can open with: the shell's text and each tool's, per language.
const firstViewFiles = Object.fromEntries(
  Object.entries(contentFiles).map(([lang, byTool]) => [
    lang,
    Object.fromEntries(Object.entries(byTool).filter(([tool]) => tool !== "results")),
  ]),
);

const boot = `// Generated by tools/post-build.mjs from Trunk's loader.
const showLoadError = (err) => {
  console.error("ketamine-guide failed to start", err);
  const root = document.getElementById("kg-root");
  if (!root || root.querySelector("[data-error-panel]")) return;
  root.innerHTML = '<div class="kg-error" role="alert" data-error-panel>' +
    '<h2>The guide could not load</h2>' +
    '<p>Part of this page did not download or your browser could not run it. ' +
    'Nothing you entered was sent anywhere. Check your connection, then reload.</p>' +
    '<p><a class="kg-button" href="">Reload the page</a></p></div>';
};
// Starts reading the first view's two content files (the shell's text and the opening tool's)
// while the wasm downloads; the app takes these promises instead of fetching them again. The
// language is guessed as the app chooses it (a remembered choice, then the browser's
// languages, then English); a wrong guess only costs a download, never the right text.
const startFirstView = () => {
  const files = ${JSON.stringify(firstViewFiles)};
  const remembered = () => {
    for (const store of ["sessionStorage", "localStorage"]) {
      try {
        const tag = JSON.parse(window[store].getItem("kg:main:locale") || "null")?.data;
        if (files[tag]) return tag;
      } catch {
        // Storage blocked or unreadable: guess from the browser instead.
      }
    }
  };
  const fromBrowser = () =>
    [...(navigator.languages || []), navigator.language]
      .map((t) => String(t || "").split(/[-_]/)[0].toLowerCase())
      .find((t) => files[t]);
  const lang = remembered() || fromBrowser() || "en";
  const section = location.hash.slice(1).split("/")[0];
  const tool = section !== "ui" && files[lang]?.[section] ? section : "quiz";
  window.__kgPreload = Object.fromEntries(
    [files[lang]?.ui, files[lang]?.[tool]].filter(Boolean).map((name) => {
      const text = fetch("./" + name).then((r) => (r.ok ? r.text() : Promise.reject(new Error("HTTP " + r.status))));
      text.catch(() => {}); // a wrong guess is never awaited: no unhandled rejection
      return [name, text];
    }),
  );
};
const compileEarly = (path) =>
  "compileStreaming" in WebAssembly
    ? WebAssembly.compileStreaming(fetch(path)).catch(() => path)
    : Promise.resolve(path);
try {
  await (async () => {
${marked.split("\n").map((l) => "    " + l).join("\n")}
  })();
} catch (err) {
  showLoadError(err);
}
${release ? serviceWorker : ""}`;
// Minified in release builds (it is part of the first view); readable in debug builds.
const bootCode = release ? await minifyJs(boot, "loader") : boot;
const bootName = `boot-${hashOf(bootCode)}.js`;
writeFileSync(join(staging, bootName), bootCode);
html = html.replace(inline, `<script type="module" src="./${bootName}"></script>`);
writeFileSync(indexPath, html);

// --- 3. the embed ---------------------------------------------------------------------------
const files = readdirSync(staging);
const glue = glueName;
const wasm = `${glueName.slice(0, -3)}_bg.wasm`;
if (!files.includes(wasm)) fail(`the wasm ${wasm} is missing`);
const cssFiles = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/g)].map((m) => m[1]);
if (cssFiles.length === 0) fail("no stylesheet linked from index.html");
const css = minifyCss(cssFiles.map((f) => readFileSync(join(staging, f), "utf8")).join("\n"));
const cssName = `styles-${hashOf(css)}.css`;
writeFileSync(join(staging, cssName), css);
// One stylesheet for the page too: one render-blocking request instead of five.
{
  const integrity = sri(css);
  const links = [...html.matchAll(/[ \t]*<link rel="stylesheet" href="\.\/[^"]+\.css"[^>]*>\n?/g)];
  html = html.replace(links[0][0], `  <link rel="stylesheet" href="./${cssName}" integrity="${integrity}">\n`);
  for (const link of links.slice(1)) html = html.replace(link[0], "");
  for (const f of cssFiles) unlinkSync(join(staging, f));
  // Whitespace between tags carries nothing here (text inside elements is left alone).
  if (release) html = html.replace(/>\s+</g, "><").trim() + "\n";
  writeFileSync(indexPath, html);
}
const embed = readFileSync(new URL("./embed.template.js", import.meta.url), "utf8")
  .replaceAll("__KG_GLUE__", glue)
  .replaceAll("__KG_WASM__", wasm)
  .replaceAll("__KG_CSS__", cssName);
if (/__KG_[A-Z]+__/.test(embed)) fail("embed.js has an unfilled placeholder");
writeFileSync(join(staging, "embed.js"), embed);

// --- 2. the service worker ------------------------------------------------------------------
if (release) {
  const assets = walk(staging)
    .map((p) => relative(staging, p).split("\\").join("/"))
    .filter((p) => p !== "sw.js" && !p.startsWith(".") && !p.endsWith(".br"))
    .sort();
  const digest = createHash("sha256");
  for (const a of assets) digest.update(a).update(readFileSync(join(staging, a)));
  const cacheName = `kg-${digest.digest("hex").slice(0, 16)}`;
  const sw = readFileSync(new URL("./sw.template.js", import.meta.url), "utf8")
    .replace("__KG_CACHE__", cacheName)
    .replace("__KG_ASSETS__", JSON.stringify(["./", ...assets.map((a) => `./${a}`)], null, 2));
  writeFileSync(join(staging, "sw.js"), sw);
  console.log(`post-build: sw.js caches ${assets.length + 1} entries as ${cacheName}`);
}
// --- 5. precompressed copies ----------------------------------------------------------------
// Release builds: `<file>.br` beside each text and wasm file, for servers that send stored
// brotli (nginx brotli_static, most static hosts; tools/serve.mjs does).
if (release) {
  const compressible = /\.(html|js|css|wasm|json|webmanifest|svg)$/;
  let count = 0;
  for (const p of walk(staging).filter((p) => compressible.test(p))) {
    const br = brotliCompressSync(readFileSync(p), {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: statSync(p).size },
    });
    writeFileSync(`${p}.br`, br);
    count++;
  }
  console.log(`post-build: ${count} brotli copies`);
}
console.log(`post-build: loader ${bootName}, embed.js → ${glue}, ${cssName}`);
