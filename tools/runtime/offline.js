// Appended to boot.js in release builds: the offline app. The service worker is registered by a
// module of its own (sw-register.js), imported at the first idle moment after the first view is
// ready (data-ready): registering, and caching every file for offline use, never compete with
// start-up, and the code to do it is not part of the first view's bytes. It is only ever
// registered from the app's own origin (never by embed.js on a host page).
if ("serviceWorker" in navigator) {
  // After the first idle moment that follows data-ready: the person's first interactions come
  // before it.
  const later = window.requestIdleCallback
    ? (f) => requestIdleCallback(f, { timeout: 2000 })
    : (f) => setTimeout(f, 500);
  const register = () => later(() => import(__KG_SW_REGISTER__));
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
