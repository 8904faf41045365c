//! Service worker: keeps the whole app in a versioned cache so it opens offline, and installs new versions only when the user asks.
//
// The two placeholders below are filled in by scripts/gen-precache.mjs after every build, from the
// files actually in the build output (never by hand). A new build changes CACHE_VERSION, so the
// browser sees a changed sw.js, installs the new version in the background and leaves it waiting
// until the page sends SKIP_WAITING (the user pressed "Cập nhật ngay / Update now").
//
// Plain JavaScript, no libraries, relative URLs only: the app may live under any path.

/** Hash of the precache list; names the cache. */
const CACHE_VERSION = "__MUCSONG_CACHE_VERSION__";
/** [{ url, sha256, immutable }] for every file of the build; `immutable` marks content-hashed names. */
const PRECACHE = /* __MUCSONG_PRECACHE__ */ [];

const CACHE_PREFIX = "mucsong-";
const CACHE_NAME = CACHE_PREFIX + CACHE_VERSION;
/** The app shell, served for every navigation inside the scope (the app has no server routes). */
const SHELL_URL = new URL("./index.html", self.registration.scope).href;

/** Hex SHA-256 of an ArrayBuffer. */
async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Downloads every file of this version and checks it against the hash recorded at build time, so
 * a half-deployed host can never leave a mixed version in the cache: any mismatch fails the
 * install and the version already installed stays in charge.
 */
async function precache() {
  const cache = await caches.open(CACHE_NAME);
  for (const entry of PRECACHE) {
    const url = new URL(entry.url, self.registration.scope).href;
    // Content-hashed files may come from the HTTP cache (their name changes with their content);
    // the others must be revalidated.
    const response = await fetch(url, { cache: entry.immutable ? "default" : "no-cache" });
    if (!response.ok) throw new Error(`precache ${entry.url}: expected HTTP 200, but found ${response.status}`);
    const body = await response.clone().arrayBuffer();
    const found = await sha256Hex(body);
    if (found !== entry.sha256) {
      throw new Error(`precache ${entry.url}: expected sha256 ${entry.sha256}, but found ${found}`);
    }
    await cache.put(url, response);
  }
}

self.addEventListener("install", (event) => {
  // No skipWaiting() here: an update waits for the user's "Update now".
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME).map((name) => caches.delete(name)),
      );
      // Take control of the page that installed the first version, so it works offline at once.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Only the app's own files; anything else goes to the network untouched (there should be none).
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      if (request.mode === "navigate") {
        const shell = await cache.match(SHELL_URL);
        if (shell) return shell;
      } else {
        const hit = await cache.match(request, { ignoreSearch: true });
        if (hit) return hit;
      }
      // Cache-first: the network is only asked for what this version does not contain.
      return fetch(request);
    })(),
  );
});
