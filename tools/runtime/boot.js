// The standalone page's loader, shipped as boot-<hash>.js by tools/build/boot.mjs. index.html
// loads it, then the JS glue (ketamine-guide-<hash>.js, with the chunk loader inside), each by a
// <script type="module" integrity> element: every line of JavaScript the page runs is checked,
// and both download side by side. It checks every file it or the app fetches against this
// release's hashes (a file whose bytes differ is refused), starts the wasm's and the first
// view's downloads at once, starts the app once the glue has run, and shows a readable panel
// if the app cannot start.

// SHA-256 (base64) of the files the first view fetches: the wasm, the shell's and the
// self-check's text in each language, and LIST, the hashes of every other file.
const FIRST = __KG_FIRST__;
const LIST = __KG_LIST__;
const WASM = __KG_WASM__;
const GLUE = __KG_GLUE__;
const listed = {};
let list;
// A file's hash: the first view's at once, any other's once LIST has arrived.
const hash = async (name) =>
  FIRST[name] ||
  (await (list ||= get(LIST).then((r) => r.json()).then((l) => Object.assign(listed, l))))[name] ||
  Promise.reject(Error("not a file of this release"));
// One file of this release; fetch refuses it if its bytes differ from its hash.
const get = (name) =>
  hash(name)
    .then((h) => fetch("./" + name, { integrity: "sha256-" + h }))
    .then((r) => (r.ok ? r : Promise.reject(Error("HTTP " + r.status))))
    .catch((e) => Promise.reject(Error(`ketamine-guide: ${name} refused or missing: ${e.message}`)));
// The first view's content files, fetched while the wasm downloads (see startFirstView).
const early = {};
// What the app and the chunk loader use: a checked response, and (for the <link> of a tool's
// stylesheet) the integrity value of a file, if known yet.
window.__kgFetch = (name) => {
  const r = early[name] || get(name);
  delete early[name];
  return r;
};
window.__kgIntegrity = (name) => (FIRST[name] || listed[name]) && "sha256-" + (FIRST[name] || listed[name]);

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
// Starts reading the first view's two content files (the shell's text and the self-check's,
// `kg-<lang>-<tool>-<hash>.json`) while the wasm downloads; the app takes these instead of
// fetching them again. The language is guessed as the app chooses it (a remembered choice,
// then the browser's languages, then English); a wrong guess only costs a download.
const startFirstView = () => {
  const files = {};
  for (const name in FIRST) {
    const [, lang, tool] = name.match(/^kg-(\w+)-(\w+)-\w+\.json$/) || [];
    if (lang) (files[lang] ||= {})[tool] = name;
  }
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
  // The opening tool's text, when it is the self-check (a link to another tool starts there).
  const section = location.hash.slice(1).split("/")[0] || "quiz";
  for (const name of [files[lang]?.ui, section !== "ui" && files[lang]?.[section]]) {
    if (!name) continue;
    early[name] = get(name);
    early[name].catch(() => {}); // a wrong guess is never awaited: no unhandled rejection
  }
};
// An async function, not top-level await: a module without it runs in Firefox 79+ and Safari
// 15+, as the wasm does.
(async () => {
  try {
    // Performance marks (kg-boot, kg-wasm) let the bench split start-up into phases.
    performance.mark("kg-boot");
    // The wasm is fetched first, while the glue downloads beside this script. The page does not
    // preload it: WebKit does not hand a preload to fetch() (not even from its cache once the
    // preload is done), so it would download the wasm twice. It compiles off the main thread
    // once it has arrived and passed its check; where streaming compilation is refused (a
    // server without the wasm MIME type), its bytes are compiled instead.
    const compiled = get(WASM).then((r) =>
      WebAssembly.compileStreaming
        ? WebAssembly.compileStreaming(r).catch(() => get(WASM).then((r) => r.arrayBuffer()))
        : r.arrayBuffer(),
    );
    startFirstView();
    // The glue runs after this script (document order) and hands over its exports
    // (tools/runtime/glue-handover.js); a refused glue fires its element's error event instead.
    const glue = await new Promise((ok, no) => {
      window.__kgModule = ok;
      document.querySelector(`script[src="./${GLUE}"]`).onerror = () => no(Error(GLUE + " refused or missing"));
    });
    const wasm = await glue.default({ module_or_path: await compiled });
    performance.mark("kg-wasm");
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
  } catch (err) {
    showLoadError(err);
  }
})();
