//! Post-build step: moves Trunk's inline loader into a file (strict CSP) and writes the service worker's file lists and cache version from the real build output.
//
// Two ways to run it:
// - As Trunk's post_build hook (Trunk.toml; env TRUNK_STAGING_DIR): step 1 only, on the page just
//   built (index.html → dist/, or commune.html → dist/commune/). The service worker cannot be
//   written yet: the other page may not be built.
// - On the finished build, once both pages are in it: `node scripts/gen-precache.mjs dist`
//   (scripts/build.sh does this last). Step 1 again on both pages (idempotent: nothing is left
//   inline by then), then step 2. Also used by the update test on a modified copy of dist/.
//
// 1. Trunk 0.21 injects `<script type="module">import init ... </script>` inline. The page's CSP
//    (`script-src 'self' 'wasm-unsafe-eval'`) forbids inline scripts, so the script's text is
//    written to `boot-<hash>.js` and the tag becomes `<script type="module" src="./boot-<hash>.js">`.
//    Any other inline script or inline style left in a page is an error: it would be blocked.
// 2. Every file of the household app (everything outside commune/ and lazy/, except sw.js) goes
//    into PRECACHE with its SHA-256, every file of commune mode (commune/) into COMMUNE, the files
//    downloaded only on demand (lazy/: the household page's English texts, the QR code's encoder) into LAZY; a version
//    derived from all three replaces the placeholders in sw.js (see public/sw.js for their use).

import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

const fail = (message) => {
  console.error(`gen-precache: ${message}`);
  process.exit(1);
};
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

/** Where commune mode's page is built (Trunk's --dist for commune.html), inside the output. */
const COMMUNE_DIR = "commune";
/** Files the household page downloads only when asked (its English texts; scripts/build.sh). */
const LAZY_DIR = "lazy";

// Trunk's file hashes: `name-<hex>.ext` or `name-<hex>_bg.wasm`, where <hex> is a 64-bit hash
// written without leading zeros (usually 16 digits, 15 one time in 16; 12 allows for rarer cases
// while "icon-192.png" still does not look hashed). Such files never change content under the
// same name, so the service worker may take them from the HTTP cache.
const CONTENT_HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

// ---- 1. External loader -------------------------------------------------------------------
/** Moves the inline loader of the page `htmlPath` into `boot-<hash>.js` beside it. */
async function externaliseLoader(htmlPath) {
  const pageDir = join(htmlPath, "..");
  let html = await readFile(htmlPath, "utf8");
  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    ([, attrs]) => !/\bsrc\s*=/.test(attrs),
  );
  for (const [tag, attrs, body] of inlineScripts) {
    if (!/type\s*=\s*"?module"?/.test(attrs) || !body.includes("import init")) {
      fail(`${htmlPath}: expected no inline script other than Trunk's loader (CSP forbids it), but found: ${tag.slice(0, 120)}`);
    }
    const code = body.trim() + "\n";
    const name = `boot-${sha256(code).slice(0, 16)}.js`;
    await writeFile(join(pageDir, name), code);
    html = html.replace(tag, `<script type="module" src="./${name}"></script>`);
  }
  if (/<style\b/i.test(html) || /\sstyle\s*=/i.test(html)) {
    fail(`${htmlPath}: expected no inline <style> or style= attribute (CSP style-src 'self'), but found one`);
  }
  await writeFile(htmlPath, html);
}

const staging = process.env.TRUNK_STAGING_DIR;
if (staging) {
  await externaliseLoader(join(staging, "index.html"));
  console.log(`gen-precache: loader of ${join(staging, "index.html")} moved into a file`);
  process.exit(0);
}

const dir = process.argv[2];
if (!dir) {
  fail("expected TRUNK_STAGING_DIR (run by Trunk) or the build directory as argument (node scripts/gen-precache.mjs dist), but found neither");
}
for (const page of ["index.html", `${COMMUNE_DIR}/index.html`]) {
  try {
    await readFile(join(dir, page));
  } catch {
    fail(`expected ${join(dir, page)} (scripts/build.sh builds both pages), but found none`);
  }
  await externaliseLoader(join(dir, page));
}

// ---- 2. File lists --------------------------------------------------------------------------
async function listFiles(root) {
  const out = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(root, join(entry.parentPath ?? entry.path, entry.name)));
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
  // Not sw.js itself, no source maps, nothing hidden (a failed Trunk run leaves .stage/ behind).
  .filter((path) => path !== "sw.js" && !path.endsWith(".map") && !path.split("/").some((part) => part.startsWith(".")))
  .sort();
const household = [];
const commune = [];
const lazy = [];
for (const path of files) {
  // The first 128 bits of the SHA-256 (public/sw.js checks the same).
  const entry = { url: `./${path}`, sha256: sha256(await readFile(join(dir, path))).slice(0, 32), immutable: CONTENT_HASHED.test(path) };
  (path.startsWith(`${COMMUNE_DIR}/`) ? commune : path.startsWith(`${LAZY_DIR}/`) ? lazy : household).push(entry);
}
for (const name of ["household.en.txt", "qr.js", "qrcodegen.js"]) {
  if (!lazy.some((e) => e.url === `./${LAZY_DIR}/${name}`)) {
    fail(`expected ${join(dir, LAZY_DIR, name)} (scripts/build.sh copies it), but found none`);
  }
}
if (commune.filter((e) => e.url.endsWith(".wasm")).length !== 1) {
  fail(`expected exactly one .wasm in ${join(dir, COMMUNE_DIR)}/, but found ${commune.filter((e) => e.url.endsWith(".wasm")).length}`);
}
const version = sha256(
  [...household, ...commune, ...lazy].map((e) => `${e.url} ${e.sha256}\n`).join(""),
).slice(0, 16);

// Idempotent: a sw.js that was already filled in gets its values replaced, not appended to. The
// patterns match both the source layout and scripts/minify/minify.mjs's output (which keeps the
// marker comments but joins the declarations: `const CACHE_VERSION="…",PRECACHE=/* … */[…],…`).
// The lists are JSON arrays of flat objects, so they contain no "]".
const VERSION_RE = /(\bCACHE_VERSION\s*=\s*)"[^"]*"/;
const PRECACHE_RE = /(\bPRECACHE\s*=\s*\/\* __MUCSONG_PRECACHE__ \*\/\s*)\[[^\]]*\]/;
const COMMUNE_RE = /(\bCOMMUNE\s*=\s*\/\* __MUCSONG_COMMUNE__ \*\/\s*)\[[^\]]*\]/;
const LAZY_RE = /(\bLAZY\s*=\s*\/\* __MUCSONG_LAZY__ \*\/\s*)\[[^\]]*\]/;
if (![VERSION_RE, PRECACHE_RE, COMMUNE_RE, LAZY_RE].every((re) => re.test(sw))) {
  fail("sw.js: expected the CACHE_VERSION, PRECACHE, COMMUNE and LAZY placeholders, but found only some of them");
}
sw = sw
  .replace(VERSION_RE, (_, head) => `${head}"${version}"`)
  .replace(PRECACHE_RE, (_, head) => `${head}${JSON.stringify(household)}`)
  .replace(COMMUNE_RE, (_, head) => `${head}${JSON.stringify(commune)}`)
  .replace(LAZY_RE, (_, head) => `${head}${JSON.stringify(lazy)}`);
await writeFile(swPath, sw);

console.log(
  `gen-precache: ${household.length} household files precached, ${commune.length} commune files and ${lazy.length} on-demand files cached on first use, cache version ${version}`,
);
