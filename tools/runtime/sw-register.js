// Registers the offline app's service worker (sw.js) and relays its updates to the app: a
// waiting version is announced with a `kg-update-available` event (and `window.__kgUpdate`, for
// an app that starts after the event); the app's `kg-update-accept` event activates it, and the
// page reloads once it has taken over. Shipped as sw-register-<hash>.js, loaded by boot.js.
// Offline support is optional: any failure here is one warning, and the app works on.
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
}).catch((err) => console.warn("ketamine-guide: offline support unavailable", err));
addEventListener("kg-update-accept", () => {
  const worker = window.__kgUpdate;
  if (!worker) return;
  navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
  worker.postMessage("skip-waiting");
});
