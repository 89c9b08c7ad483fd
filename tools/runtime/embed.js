// ketamine-guide embed loader, written by tools/build/embed.mjs from tools/runtime/embed.js.
// On a clinic's page (the configurator writes the snippet with this release's integrity value):
//   <script src="https://clinic.example/ketamine-guide/embed.js" integrity="sha384-…" crossorigin="anonymous" defer></script>
//   <ketamine-guide sections="quiz cost" cta-href="https://clinic.example/book" cta-label="Book"></ketamine-guide>
// Each element gets an open shadow root with the widget's styles adopted into it and its own
// app. Nothing here touches the host page's URL, history, focus or styles. Every file loaded
// after this one is checked against its SHA-256 below, fixed at build time, and refused if its
// bytes differ; the snippet's integrity value covers this file and so these hashes.
(() => {
  if (!window.customElements || customElements.get("ketamine-guide")) return;
  const script = document.currentScript;
  const base = new URL(".", script && script.src ? script.src : location.href);
  const asset = (name) => new URL(name, base).href;
  const ATTRIBUTES = ["sections", "start", "lang", "currency", "prices", "cta-href", "cta-label", "persist", "theme", "header"];
  // SHA-256 (base64) of every file the widget may load, by name.
  const FILES = __KG_FILES__;
  const integrity = (name) => FILES[name] && "sha256-" + FILES[name];
  // One file of this release; fetch refuses it if its bytes differ from its hash.
  const get = (name) =>
    (integrity(name)
      ? fetch(asset(name), { integrity: integrity(name) })
      : Promise.reject(new Error("not a file of this release")))
      .then((r) => (r.ok ? r : Promise.reject(new Error(`HTTP ${r.status}`))))
      .catch((e) => Promise.reject(new Error(`ketamine-guide: ${name} refused or missing: ${e.message}`)));
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
        reject(new Error("ketamine-guide: __KG_GLUE__ refused or missing"));
      };
      document.head.append(element);
    });

  let bindings;
  const loadBindings = () =>
    (bindings ??= Promise.all([loadModule(), get("__KG_WASM__")]).then(async ([m, wasm]) => {
      await m.default({ module_or_path: wasm });
      m.setContentBase(base.href);
      // The reader of the element's attributes is a wasm chunk of its own (the standalone page
      // never needs it).
      await m.loadEmbed();
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

  const showError = (root, err) => {
    console.error("ketamine-guide failed to start", err);
    const box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-error-panel", "");
    box.textContent =
      "The ketamine therapy guide could not load. Nothing you entered was sent anywhere. Please reload the page.";
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
          this.dispatchEvent(new CustomEvent("ketamine-guide-ready", { bubbles: true, composed: true }));
        })
        .catch((err) => {
          if (this._token === token) showError(root, err);
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
