//! A tiny static file server for the built app (dist/): loopback only, no network, no dependencies.
//
// Used by `scripts/serve.sh` (to look at the app) and by the end-to-end harness (to test it), so
// both see the app exactly as any static host would serve it. It records every request it
// answers, which lets the privacy tests prove what the browser asked for after the first load.
//
// Usage as a program: node scripts/static-server.mjs [DIR] [--port N] [--host 127.0.0.1]
// Usage as a module:  const server = await startStaticServer({ root: "dist" }); server.url; ...

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/// Kinds of file a real static host sends compressed (images are compressed already).
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".json", ".webmanifest", ".svg", ".txt", ".csv"]);

/// Content types for every kind of file Trunk puts in dist/. Anything else is served as bytes.
const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
};

/**
 * Starts serving `root` on `host:port` (port 0 picks a free one).
 * Returns { url, port, requests, clearRequests(), setOffline(bool), close() }; `requests` lists
 * { method, path, time, refused } for every request received, in order. While "offline", every
 * request is recorded and then its connection dropped, as if the network were down: browser
 * network emulation does not cover everything (a service worker's update check still gets through).
 */
/** `body` gzipped, remembered by path and content so that a rebuilt file is compressed again. */
const gzipCache = new Map();
function compressed(file, body) {
  const hit = gzipCache.get(file);
  if (hit && hit.body.equals(body)) return hit.gz;
  const gz = gzipSync(body, { level: 9 });
  gzipCache.set(file, { body, gz });
  return gz;
}

export async function startStaticServer({ root, host = "127.0.0.1", port = 0, quiet = true } = {}) {
  const rootDir = resolve(root);
  const requests = [];
  let isOffline = false;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    requests.push({ method: req.method, path, time: Date.now(), refused: isOffline });
    if (!quiet) console.log(`${req.method} ${path}${isOffline ? " (refused: offline)" : ""}`);
    if (isOffline) {
      req.socket.destroy();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    // Refuse anything that would leave the served directory.
    let file = normalize(join(rootDir, path));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      // Compressed when the browser accepts it, as a real static host sends it (gzip -9, so the
      // transfer is what scripts/budget.mjs counts); kept in memory per file content.
      const gzip = COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
      if (gzip) body = compressed(file, body);
      res.writeHead(200, {
        "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
        ...(gzip ? { "content-encoding": "gzip" } : {}),
        vary: "accept-encoding",
        // Always revalidate, like a plain static host: the service worker, not HTTP caching,
        // is what makes the app work offline, and tests must see each new build at once.
        "cache-control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${path}\n`);
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    root: rootDir,
    requests,
    clearRequests: () => requests.splice(0, requests.length),
    setOffline: (offline) => {
      isOffline = offline;
      // Drop kept-alive connections too, so nothing already open slips through.
      if (offline) server.closeAllConnections?.();
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// Run as a program: serve a directory until interrupted.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    if (at < 0) return fallback;
    const value = args[at + 1];
    args.splice(at, 2);
    return value;
  };
  const port = Number(option("--port", "8080"));
  const host = option("--host", "127.0.0.1");
  const root = args[0] ?? "dist";
  try {
    if (!(await stat(join(root, "index.html"))).isFile()) throw new Error();
  } catch {
    console.error(`static-server: expected ${join(root, "index.html")} (run bash scripts/build.sh first), but found none`);
    process.exit(1);
  }
  let server;
  try {
    server = await startStaticServer({ root, host, port, quiet: process.env.QUIET === "1" });
  } catch (error) {
    if (error.code !== "EADDRINUSE") throw error;
    console.error(`static-server: expected port ${port} on ${host} to be free, but something else listens there; choose another (scripts/serve.sh 8081, or 0 for any free port)`);
    process.exit(1);
  }
  console.log(`Mức Sống is served from ${server.root} at ${server.url}  (Ctrl+C to stop)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
