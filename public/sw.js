//! Service worker: keeps the household app in a versioned cache so it opens offline, caches commune mode and the English texts on their first use, and installs new versions only when the user asks.
//
// The placeholders below are filled in by scripts/gen-precache.mjs after every build, from the
// files actually in the build output (never by hand). A new build changes CACHE_VERSION, so the
// browser sees a changed sw.js, installs the new version in the background and leaves it waiting
// until the page sends SKIP_WAITING (the user pressed "Cập nhật ngay / Update now").
//
// Two lists, because commune mode is a separate page (commune/) with a wasm bundle of its own that
// households never need:
// - PRECACHE: the household app (every file outside commune/). Downloaded at install, each file
//   checked against its build-time SHA-256; any mismatch fails the install.
// - COMMUNE: commune mode's files. Not downloaded at install. The first time commune/ is opened
//   online, the worker fetches every file of the list (sharing downloads with the page's own
//   requests), checks each against its SHA-256 and caches it, so commune mode opens offline from
//   then on. A file whose hash differs (the host already serves another version) is passed to the
//   page but not cached.
// - A new version's install refreshes commune mode too when the old version had cached it (or a
//   commune page is open), so an officer who updates keeps commune mode offline; this part is
//   best effort and never fails the install (what is missing is fetched on next use).
// - A commune page that started loading just before the first version activated is not
//   controlled; it asks to be claimed ("CLAIM", src/app/pwa.rs), and the worker caches commune
//   mode then.
// - LAZY: files the household page downloads only when asked: its English texts
//   (lazy/household.en.txt, fetched when someone chooses English) and the QR code's encoder
//   (lazy/qr.js and lazy/qrcodegen.js, fetched when a result is first shown). Not downloaded at install;
//   cached on first use when their SHA-256 is right, like commune files, so English works offline
//   once chosen (and the QR code drawn offline once drawn online); a new version's install
//   refreshes those an older version had cached.
// - Opening commune/ offline before commune mode was cached completely shows
//   commune-offline.html (precached), a plain Vietnamese/English page saying why, instead of a
//   browser error.
//
// Plain JavaScript, no libraries, relative URLs only: the app may live under any path.

/** Hash of both file lists; names the cache. */
const CACHE_VERSION = "__MUCSONG_CACHE_VERSION__";
/** [{ url, sha256, immutable }] for every file of the household app; `immutable` marks content-hashed names. */
const PRECACHE = /* __MUCSONG_PRECACHE__ */ [];
/** [{ url, sha256, immutable }] for every file of commune mode (under commune/), cached on first use. */
const COMMUNE = /* __MUCSONG_COMMUNE__ */ [];
/** [{ url, sha256, immutable }] for the files downloaded only on demand (under lazy/), cached on first use. */
const LAZY = /* __MUCSONG_LAZY__ */ [];

const CACHE_PREFIX = "mucsong-";
const CACHE_NAME = CACHE_PREFIX + CACHE_VERSION;
const scoped = (path) => new URL(path, self.registration.scope).href;
/** The household app's shell, served for every navigation outside commune/ (no server routes). */
const SHELL_URL = scoped("./index.html");
/** Commune mode's folder, its page, and what is shown there offline before it was cached. */
const COMMUNE_PREFIX = scoped("./commune/");
const COMMUNE_PAGE_URL = scoped("./commune/index.html");
const COMMUNE_OFFLINE_URL = scoped("./commune-offline.html");
/** COMMUNE by absolute URL. */
const COMMUNE_FILES = new Map(COMMUNE.map((entry) => [scoped(entry.url), entry]));
/** LAZY by absolute URL. */
const LAZY_FILES = new Map(LAZY.map((entry) => [scoped(entry.url), entry]));
/**
 * What an on-demand script is answered with when it is neither cached nor reachable (offline
 * before its first use), by absolute URL: the QR code's module says so to the page
 * (`<html data-qr="failed">`, which src/result/qr_code.rs's listener would set on a network
 * error) instead of failing as a network error in the console, like commune-offline.html for
 * commune mode.
 */
const OFFLINE_STAND_INS = new Map([[scoped("./lazy/qr.js"), 'document.documentElement.setAttribute("data-qr", "failed");']]);
/** The entry of a file cached on first use (commune mode's or on demand), by absolute URL. */
const onDemand = (url) => COMMUNE_FILES.get(url) ?? LAZY_FILES.get(url);

/**
 * The first 128 bits of an ArrayBuffer's SHA-256, in hex, as the lists record it (gen-precache.mjs:
 * a check against a half-deployed host, not against an attacker, for which 128 bits is ample and
 * halves what every first visit downloads of the lists).
 */
async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Fetches a listed file: content-hashed files may come from the HTTP cache (their name changes with their content); the others must be revalidated. */
const fetchEntry = (url, entry) => fetch(url, { cache: entry.immutable ? "default" : "no-cache" });

/**
 * Downloads every file of the household app and checks it against the hash recorded at build
 * time, so a half-deployed host can never leave a mixed version in the cache: any mismatch fails
 * the install and the version already installed stays in charge.
 */
async function precache(cache) {
  for (const entry of PRECACHE) {
    const url = scoped(entry.url);
    const response = await fetchEntry(url, entry);
    if (!response.ok) throw new Error(`precache ${entry.url}: expected HTTP 200, but found ${response.status}`);
    const body = await response.clone().arrayBuffer();
    const found = await sha256Hex(body);
    if (found !== entry.sha256) {
      throw new Error(`precache ${entry.url}: expected sha256 ${entry.sha256}, but found ${found}`);
    }
    await cache.put(url, response);
  }
}

/** Files cached on first use being downloaded by this worker, by URL, so the page and the worker share one download. */
const inFlight = new Map();

/**
 * One commune or on-demand file from the network, cached when its SHA-256 is the one this version expects.
 * Resolves to { body, init } to build responses from (one per caller), or rejects when the
 * network fails. Concurrent calls for the same URL share one download.
 */
function fetchOnFirstUse(url) {
  let pending = inFlight.get(url);
  if (!pending) {
    const entry = onDemand(url);
    pending = (async () => {
      const response = await fetchEntry(url, entry);
      const body = await response.arrayBuffer();
      const init = { status: response.status, statusText: response.statusText, headers: response.headers };
      if (response.ok && (await sha256Hex(body)) === entry.sha256) {
        const cache = await caches.open(CACHE_NAME);
        await cache.put(url, new Response(body, init));
      }
      return { body, init };
    })().finally(() => inFlight.delete(url));
    inFlight.set(url, pending);
  }
  return pending;
}

/** Whether every file of commune mode is in this version's cache (then commune/ opens offline). */
async function isCommuneCached(cache) {
  for (const url of COMMUNE_FILES.keys()) {
    if (!(await cache.match(url))) return false;
  }
  return true;
}

/** Fetches and caches every commune file not cached yet (best effort: a failure only means it is fetched on next use). */
async function cacheCommune(cache) {
  for (const url of COMMUNE_FILES.keys()) {
    if (await cache.match(url)) continue;
    try {
      await fetchOnFirstUse(url);
    } catch {
      return;
    }
  }
}

/** Whether an older version had commune mode cached, or a commune page is open right now. */
async function communeWasUsed() {
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME && (await (await caches.open(name)).match(COMMUNE_PAGE_URL))) {
      return true;
    }
  }
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  return pages.some((page) => page.url.startsWith(COMMUNE_PREFIX));
}

/** Fetches again, for this version, the on-demand files an older version had cached (best effort). */
async function refreshLazy() {
  const old = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME);
  for (const url of LAZY_FILES.keys()) {
    for (const name of old) {
      if (await (await caches.open(name)).match(url)) {
        await fetchOnFirstUse(url).catch(() => {});
        break;
      }
    }
  }
}

self.addEventListener("install", (event) => {
  // No skipWaiting() here: an update waits for the user's "Update now".
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      await precache(cache);
      if (await communeWasUsed()) await cacheCommune(cache);
      await refreshLazy();
    })(),
  );
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
  // From a page this worker does not control yet (src/app/pwa.rs): it started loading just before
  // the first version activated. Take it, and if it is commune mode, cache commune mode.
  if (event.data && event.data.type === "CLAIM") {
    event.waitUntil(
      (async () => {
        await self.clients.claim();
        if (event.source && event.source.url.startsWith(COMMUNE_PREFIX)) await cacheCommune(await caches.open(CACHE_NAME));
      })(),
    );
  }
});

/** A navigation inside commune/: the cached page when all of commune mode is cached, else the network (caching it all), else the offline notice. */
async function communeNavigation(event, cache) {
  if (await isCommuneCached(cache)) return cache.match(COMMUNE_PAGE_URL);
  try {
    const { body, init } = await fetchOnFirstUse(COMMUNE_PAGE_URL);
    // Cache the rest while the page starts; the page's own requests join these downloads.
    event.waitUntil(cacheCommune(cache));
    return new Response(body, init);
  } catch {
    return (await cache.match(COMMUNE_OFFLINE_URL)) ?? Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Only the app's own files; anything else goes to the network untouched (there should be none).
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;
  const path = url.origin + url.pathname;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      if (request.mode === "navigate") {
        if (path.startsWith(COMMUNE_PREFIX) && COMMUNE_FILES.size > 0) return communeNavigation(event, cache);
        const shell = await cache.match(SHELL_URL);
        if (shell) return shell;
        return fetch(request);
      }
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (onDemand(path)) {
        try {
          const { body, init } = await fetchOnFirstUse(path);
          return new Response(body, init);
        } catch (error) {
          const standIn = OFFLINE_STAND_INS.get(path);
          if (standIn) return new Response(standIn, { headers: { "Content-Type": "text/javascript" } });
          throw error;
        }
      }
      // Cache-first: the network is only asked for what this version does not contain.
      return fetch(request);
    })(),
  );
});
