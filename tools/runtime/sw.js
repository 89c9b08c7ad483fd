// Service worker for the offline app, written by tools/build/service-worker.mjs from the build
// output. It holds one release: every file of it is fetched at install with its SHA-256 as the
// request's integrity (a file whose bytes differ fails the install, and the worker already in
// place stays), and only this release's cache is ever read, so an update never mixes files of
// two releases. Pages: network first (fresh when online), else this release's copy. This
// release's other files: from its cache.
const CACHE = "__KG_CACHE__";
// [path, integrity value] of each file.
const ASSETS = __KG_ASSETS__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map(([path, integrity]) => new Request(path, { integrity })))),
  );
});

// A new version waits until the page accepts the "update available" prompt.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("kg-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const isPage = (request, url) =>
  request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html");

/** This release's copy of a request, if it has one. */
const cached = (request, options) => caches.open(CACHE).then((cache) => cache.match(request, options));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (isPage(request, url)) {
    // A page fetched online may be a newer release's: it is shown, never cached here.
    event.respondWith(
      fetch(request).catch(() =>
        cached(request, { ignoreSearch: true }).then((hit) => hit || cached(new URL("./", self.registration.scope).href)),
      ),
    );
    return;
  }
  event.respondWith(cached(request).then((hit) => hit || fetch(request)));
});
