//! Trunk post-build hook: moves Trunk's inline loader into a file (strict CSP) and writes the service worker's precache list and cache version from the real build output.
//
// Runs with the environment Trunk gives hooks (TRUNK_STAGING_DIR, TRUNK_HTML_FILE, ...). Can also
// be run by hand on a finished build: `node scripts/gen-precache.mjs dist` (idempotent).
//
// 1. Trunk 0.21 injects `<script type="module">import init ... </script>` inline. The page's CSP
//    (`script-src 'self' 'wasm-unsafe-eval'`) forbids inline scripts, so the script's text is
//    written to `boot-<hash>.js` and the tag becomes `<script type="module" src="./boot-<hash>.js">`.
//    Any other inline script or inline style left in index.html is an error: it would be blocked.
// 2. Every file in the output (except sw.js itself) is listed with its SHA-256; the list and a
//    version derived from it replace the placeholders in the staged sw.js.

import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("gen-precache: expected TRUNK_STAGING_DIR (run by Trunk) or a directory argument, but found neither");
  process.exit(2);
}

const fail = (message) => {
  console.error(`gen-precache: ${message}`);
  process.exit(1);
};
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

// Trunk's file hashes: `name-<16 hex>.ext` or `name-<16 hex>_bg.wasm`. Such files never change
// content under the same name, so the service worker may take them from the HTTP cache.
const CONTENT_HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

// ---- 1. External loader -------------------------------------------------------------------
const htmlPath = join(dir, "index.html");
let html = await readFile(htmlPath, "utf8");
const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
  ([, attrs]) => !/\bsrc\s*=/.test(attrs),
);
for (const [tag, attrs, body] of inlineScripts) {
  if (!/type\s*=\s*"module"/.test(attrs) || !body.includes("import init")) {
    fail(`index.html: expected no inline script other than Trunk's loader (CSP forbids it), but found: ${tag.slice(0, 120)}`);
  }
  const code = body.trim() + "\n";
  const name = `boot-${sha256(code).slice(0, 16)}.js`;
  await writeFile(join(dir, name), code);
  html = html.replace(tag, `<script type="module" src="./${name}"></script>`);
}
if (/<style\b/i.test(html) || /\sstyle\s*=/i.test(html)) {
  fail("index.html: expected no inline <style> or style= attribute (CSP style-src 'self'), but found one");
}
await writeFile(htmlPath, html);

// ---- 2. Precache list ---------------------------------------------------------------------
async function listFiles(root) {
  const out = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
  }
  return out;
}

const swPath = join(dir, "sw.js");
let sw;
try {
  sw = await readFile(swPath, "utf8");
} catch {
  fail(`expected ${swPath} (copied by <link data-trunk rel="copy-file" href="public/sw.js">), but found none`);
}

const files = (await listFiles(dir))
  .map((path) => path.split(sep).join("/"))
  .filter((path) => path !== "sw.js" && !path.endsWith(".map"))
  .sort();
const precache = [];
for (const path of files) {
  precache.push({
    url: `./${path}`,
    sha256: sha256(await readFile(join(dir, path))),
    immutable: CONTENT_HASHED.test(path),
  });
}
const version = sha256(precache.map((e) => `${e.url} ${e.sha256}\n`).join("")).slice(0, 16);

// Idempotent: a sw.js that was already filled in gets its values replaced, not appended to.
const VERSION_RE = /const CACHE_VERSION = "[^"]*";/;
const LIST_RE = /const PRECACHE = \/\* __MUCSONG_PRECACHE__ \*\/ [^\n]*;/;
if (!VERSION_RE.test(sw) || !LIST_RE.test(sw)) {
  fail("sw.js: expected the CACHE_VERSION and PRECACHE placeholders, but found neither or one");
}
sw = sw
  .replace(VERSION_RE, `const CACHE_VERSION = "${version}";`)
  .replace(LIST_RE, () => `const PRECACHE = /* __MUCSONG_PRECACHE__ */ ${JSON.stringify(precache)};`);
await writeFile(swPath, sw);

console.log(`gen-precache: ${precache.length} files precached, cache version ${version}`);
