// Appended to boot.js in release builds: the offline app. The service worker is registered by a
// module of its own (sw-register-<hash>.js), loaded at the first idle moment after the first
// view is ready (data-ready): registering, and caching every file for offline use, never
// compete with start-up, and the code to do it is not part of the first view's bytes. It is
// only ever registered from the app's own origin (never by embed.js on a host page). The
// module comes through a <script integrity> element (the one way every engine checks a module's
// bytes); if it cannot be had, the app works on without offline support, with one warning.
if ("serviceWorker" in navigator) {
  const SW_REGISTER = __KG_SW_REGISTER__;
  const load = () =>
    hash(SW_REGISTER)
      .then((h) => new Promise((ok, no) => {
        const script = document.createElement("script");
        script.type = "module";
        script.src = "./" + SW_REGISTER;
        script.integrity = "sha256-" + h;
        script.onload = ok;
        script.onerror = () => no(Error(SW_REGISTER + " refused or missing"));
        document.head.append(script);
      }))
      .catch((e) => console.warn("ketamine-guide: offline support unavailable", e));
  // After the first idle moment that follows data-ready: the person's first interactions come
  // before it.
  const later = window.requestIdleCallback
    ? (f) => requestIdleCallback(f, { timeout: 2000 })
    : (f) => setTimeout(f, 500);
  const register = () => later(load);
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
