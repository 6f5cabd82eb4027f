// The app shell's service worker, so the web app opens without a connection (e.g. /reports/new to file a report
// offline). The build (vite.config.ts) fills in `build`: an id and the hashed files. Installing caches index.html
// and those files under the build's id; navigations try the network and fall back to the cached index.html;
// hashed files come from the cache. Nothing under /api, /osdi or /open311 is touched, let alone cached.
const build = /* build */ { id: 'dev', assets: [] };
const cacheName = `caucus-shell-${build.id}`;
const shellUrl = '/';
const apiPath = /^\/(api|osdi|open311)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll([shellUrl, ...build.assets].map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('caucus-shell-') && n !== cacheName).map((n) => caches.delete(n))),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || apiPath.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(shellUrl, { cacheName })) ?? Response.error()),
    );
  } else if (build.assets.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname, { cacheName }).then((hit) => hit ?? fetch(request)));
  }
});
