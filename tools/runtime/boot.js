// The standalone page's loader, shipped as boot-<hash>.js (a module script: the page allows no
// inline script under a strict CSP). tools/build/boot.mjs fills in the __KG_…__ values and
// minifies it in release builds. It starts the first view's downloads, starts the app, and
// shows a readable panel if the app cannot start.
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
  const files = __KG_FIRST_VIEW_FILES__;
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
// The wasm compiles (streaming, off the main thread) while the glue is imported, instead of
// after: init then only instantiates. Where streaming compilation is refused (a server without
// the wasm MIME type), init fetches and compiles the file itself.
const compileEarly = (path) =>
  "compileStreaming" in WebAssembly
    ? WebAssembly.compileStreaming(fetch(path)).catch(() => path)
    : Promise.resolve(path);
try {
  await (async () => {
    // Performance marks (kg-boot, kg-glue, kg-wasm) let the bench split start-up into phases.
    performance.mark("kg-boot");
    const compiled = compileEarly(__KG_WASM__);
    startFirstView();
    const bindings = await import(__KG_GLUE__);
    performance.mark("kg-glue");
    const init = bindings.default;
    const wasm = await init({ module_or_path: await compiled });
    performance.mark("kg-wasm");
    // What Trunk's own loader does once the app has started.
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
  })();
} catch (err) {
  showLoadError(err);
}
