// ketamine-guide embed loader __KG_VERSION__, written by tools/build/embed.mjs from
// tools/runtime/embed.js. On a clinic's page (the configurator writes the snippet with this
// release's integrity value):
//   <script src="https://clinic.example/ketamine-guide/embed.js" integrity="sha384-…" crossorigin="anonymous" defer></script>
//   <ketamine-guide sections="quiz cost" cta-href="https://clinic.example/book" cta-label="Book"></ketamine-guide>
// Each element gets an open shadow root with the widget's styles adopted into it and its own
// app. Nothing here touches the host page's URL, history, focus or styles. Every file loaded
// after this one is checked against its SHA-256 below, fixed at build time, and refused if its
// bytes differ; the snippet's integrity value covers this file and so these hashes.
// The files are found next to this one, wherever that is (a folder of the clinic's site, or a
// CDN's `<name>@<version>/`). Each element carries `data-version` once mounted; if the widget
// cannot start, `data-error` names the cause for the site's owner (see `diagnose`) and the
// console says what to fix, while visitors see a calm line.
(() => {
  if (!window.customElements || customElements.get("ketamine-guide")) return;
  const VERSION = "__KG_VERSION__";
  const script = document.currentScript;
  const base = new URL(".", script && script.src ? script.src : location.href);
  const asset = (name) => new URL(name, base).href;
  // A request to the widget's files that the page's Content-Security-Policy refused.
  let cspBlocked = false;
  document.addEventListener("securitypolicyviolation", (e) => {
    if (String(e.blockedURI).startsWith(base.href)) cspBlocked = true;
  });
  // Problems that do not stop the widget, for the site's owner (`data-warning`).
  const warnings = new Set();
  // The last of the widget's files that did not load (a chunk's failure reaches the app as
  // the chunk loader's own message, without the file).
  let lastFailure = null;
  const ATTRIBUTES = ["sections", "start", "lang", "currency", "prices", "cta-href", "cta-label", "persist", "theme", "header", "routes", "course-sessions", "booster-weeks"];
  // SHA-256 (base64) of every file the widget may load, by name.
  const FILES = __KG_FILES__;
  const integrity = (name) => FILES[name] && "sha256-" + FILES[name];
  // A failure to load one of the widget's files: the file, and the HTTP status if one came.
  const failed = (name, message, status) =>
    Object.assign(new Error(`ketamine-guide: ${name} refused or missing: ${message}`), { file: name, status });
  // A .wasm file served with another type is refused by the browser's fast compile; its bytes
  // are already checked, so they are handed on as what they are, and the owner is told once.
  const asWasm = (r, name) => {
    const type = (r.headers.get("Content-Type") || "").trim().toLowerCase();
    if (!name.endsWith(".wasm") || type === "application/wasm") return r;
    if (!warnings.has("wasm-type")) {
      console.warn(`ketamine-guide: ${asset(name)} is served as "${type}"; serve .wasm files as "application/wasm" (data-warning="wasm-type").`);
    }
    warnings.add("wasm-type");
    return new Response(r.body, { status: r.status, headers: { "Content-Type": "application/wasm" } });
  };
  // One file of this release; fetch refuses it if its bytes differ from its hash.
  const get = (name) =>
    (integrity(name)
      ? fetch(asset(name), { integrity: integrity(name) })
      : Promise.reject(new Error("not a file of this release")))
      .then((r) => (r.ok ? asWasm(r, name) : Promise.reject(failed(name, `HTTP ${r.status}`, r.status))))
      .catch((e) => Promise.reject((lastFailure = e.file ? e : failed(name, e.message))));
  // What the app and its chunk loader use (as boot.js provides on the standalone page).
  window.__kgFetch = get;
  window.__kgIntegrity = integrity;

  // The JS glue, loaded by a <script type="module" integrity> element: the one way every engine
  // checks a module's bytes (WebKit ignores a module preload's integrity, and checks no import).
  // The module hands its exports over through __kgModule (tools/runtime/glue-handover.js). The
  // element leaves the host page's head once the module has run.
  const loadModule = () =>
    new Promise((resolve, reject) => {
      window.__kgModule = resolve;
      const element = document.createElement("script");
      element.type = "module";
      element.crossOrigin = "anonymous";
      element.integrity = integrity("__KG_GLUE__");
      element.src = asset("__KG_GLUE__");
      element.onload = () => element.remove();
      element.onerror = () => {
        element.remove();
        reject((lastFailure = failed("__KG_GLUE__", "the script did not load")));
      };
      document.head.append(element);
    });

  let bindings;
  const loadBindings = () =>
    (bindings ??= Promise.all([loadModule(), get("__KG_WASM__")]).then(async ([m, wasm]) => {
      await m.default({ module_or_path: wasm });
      // The content files are next to this one; the reader of the element's attributes is a
      // wasm chunk of its own (the standalone page never needs it).
      await m.loadEmbed(base.href);
      return m;
    }));

  const constructable = "adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype;
  let sheet;
  const loadSheet = () =>
    (sheet ??= get("__KG_CSS__")
      .then((r) => r.text())
      .then((text) => {
        const s = new CSSStyleSheet();
        s.replaceSync(text);
        return s;
      }));

  // Reserves room while loading, so the host page does not jump when the widget appears.
  const RESERVE = ":host{display:block;min-height:36em}";
  const reserveSheet = constructable ? new CSSStyleSheet() : null;
  reserveSheet?.replaceSync(RESERVE);

  // Why a file the widget needs did not arrive, asked again without its integrity check:
  // `not-found` (the server answered 404 or 410), `http` (another error status), `integrity`
  // (it arrives, but its bytes are not this release's), `cors` (the server answers, but
  // without Access-Control-Allow-Origin, so this page may not read it), `csp` (the page's
  // Content-Security-Policy refused it), `network` (no answer at all); `start` when every file
  // arrived and the widget still could not start (a browser too old, for example).
  const diagnose = async (error) => {
    const err = error && error.file ? error : lastFailure;
    const name = err && err.file;
    if (!name) return "start";
    if (cspBlocked) return "csp";
    if (err.status) return err.status === 404 || err.status === 410 ? "not-found" : "http";
    try {
      const r = await fetch(asset(name), { cache: "no-store" });
      return r.ok ? "integrity" : r.status === 404 || r.status === 410 ? "not-found" : "http";
    } catch {
      try {
        await fetch(asset(name), { mode: "no-cors", cache: "no-store" });
        return "cors";
      } catch {
        return cspBlocked ? "csp" : "network";
      }
    }
  };
  const FIXES = {
    "not-found": "the server has no such file: upload every file of this release next to embed.js",
    http: "the server answered with an error",
    integrity: "its bytes are not the ones this embed.js expects: upload all the files of one release together, unchanged",
    cors: "the server sends no Access-Control-Allow-Origin header, so the browser keeps it from this page: add that header to the guide's files",
    csp: "this page's Content-Security-Policy blocks it: allow the guide's address in script-src, connect-src and style-src, and 'wasm-unsafe-eval' in script-src",
    network: "the server did not answer",
    start: "the guide could not start in this browser",
  };
  const CALM = {
    en: ["The ketamine therapy guide is not available right now.", "You can still reach the clinic:"],
    es: ["La guía sobre la terapia con ketamina no está disponible en este momento.", "Puede contactar con la clínica aquí:"],
  };
  const errorSheet = constructable ? new CSSStyleSheet() : null;
  errorSheet?.replaceSync(":host{display:block}div{font:inherit;color:inherit;padding:1em;border:1px solid;border-radius:.5em}p{margin:0}a{color:inherit}");

  // The site's owner reads the cause on the element and in the console; a visitor reads one
  // calm line, and the clinic's booking link if it has a valid one.
  const showError = async (element, root, err) => {
    const cause = await diagnose(err);
    const file = (err && err.file) || (lastFailure && lastFailure.file);
    const where = file ? asset(file) : base.href;
    element.setAttribute("data-version", VERSION);
    element.setAttribute("data-error", cause);
    console.error(`ketamine-guide ${VERSION}: ${where} did not load: ${FIXES[cause]} (data-error="${cause}").`, err);
    const lang = (element.closest("[lang]")?.getAttribute("lang") || "en").slice(0, 2).toLowerCase();
    const [line, contact] = CALM[lang] || CALM.en;
    const box = document.createElement("div");
    box.setAttribute("role", "status");
    box.setAttribute("data-error-panel", "");
    const text = document.createElement("p");
    text.textContent = line;
    box.append(text);
    const href = element.getAttribute("cta-href") || "";
    const label = (element.getAttribute("cta-label") || "").trim();
    if (/^https?:\/\/[^\s]+$/i.test(href) && label) {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = label;
      const p = document.createElement("p");
      p.append(contact, " ", link);
      box.append(p);
    }
    if (errorSheet) root.adoptedStyleSheets = [errorSheet];
    root.replaceChildren(box);
  };

  class KetamineGuide extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }

    connectedCallback() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      if (reserveSheet) root.adoptedStyleSheets = [reserveSheet];
      // Storage name: the element's id, else its position among the page's guides (stable
      // across reloads of the same page), so several instances keep separate answers.
      const index = [...document.querySelectorAll("ketamine-guide")].indexOf(this);
      const instance = this.id ? `id-${this.id}` : `n${index}`;
      const token = (this._token = {});
      const ready = constructable ? Promise.all([loadBindings(), loadSheet()]) : loadBindings().then((m) => [m, null]);
      ready
        .then(([m, styles]) => {
          if (this._token !== token || !this.isConnected) return;
          const container = document.createElement("div");
          container.className = "kg-mount";
          if (styles) {
            root.adoptedStyleSheets = [styles];
            root.replaceChildren(container);
          } else {
            const link = document.createElement("link");
            link.rel = "stylesheet";
            link.crossOrigin = "anonymous";
            link.integrity = integrity("__KG_CSS__");
            link.href = asset("__KG_CSS__");
            root.replaceChildren(link, container);
          }
          this._handle = m.mountEmbed(this, container, instance);
          if (!this._handle) throw new Error("ketamine-guide: the embed's code is missing");
          this.setAttribute("data-version", VERSION);
          this.removeAttribute("data-error");
          if (warnings.size) this.setAttribute("data-warning", [...warnings].join(" "));
          this.dispatchEvent(new CustomEvent("ketamine-guide-ready", { bubbles: true, composed: true }));
        })
        .catch((err) => {
          if (this._token === token) showError(this, root, err);
        });
    }

    disconnectedCallback() {
      this._token = null;
      if (this._handle) {
        this._handle.destroy();
        this._handle.free();
        this._handle = null;
      }
    }

    attributeChangedCallback() {
      this._handle?.update(this);
    }
  }

  customElements.define("ketamine-guide", KetamineGuide);
})();
