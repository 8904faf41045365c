//! Size budget for the built app: prints what a phone downloads on first load (gzip -9) and fails above the ratchet ceiling.
//
// Usage: node scripts/budget.mjs [DIST_DIR]   (default dist/)
// First load = every file in dist/ that the page or the browser fetches before the app is usable:
// index.html, the loader, the wasm-bindgen JS, the wasm, CSS, the manifest and the icons (the
// service worker precaches exactly these, so this is also the offline install size). sw.js is
// counted too: it is fetched on the first visit.

import { readdir, readFile } from "node:fs/promises";
import { constants, gzipSync } from "node:zlib";
import { join, relative, sep } from "node:path";

const LIMIT_KB = 250; // issue 4's limit (total, gzip): not met yet, see CEILING_KB
const GOAL_KB = 150; // what we aim for on cheap phones and slow links
// The app is over LIMIT_KB today (about 540 KB gzip, almost all of it Leptos view code and serde
// in the wasm). Until the size work lands, the check is a ratchet: it fails when the first load
// grows past what was measured on 2026-11-27 plus a small margin, and it always says plainly that
// the 250 KB limit is not met. Lower CEILING_KB whenever the app shrinks; when it is at or under
// LIMIT_KB, delete it and fail above LIMIT_KB again.
const CEILING_KB = 560;

const dir = process.argv[2] ?? "dist";
const kb = (bytes) => (bytes / 1024).toFixed(1);

let entries;
try {
  entries = await readdir(dir, { withFileTypes: true, recursive: true });
} catch {
  console.error(`budget: expected a build in ${dir}/ (run trunk build --release), but found none`);
  process.exit(1);
}

const rows = [];
for (const entry of entries) {
  if (!entry.isFile()) continue;
  const path = relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join("/");
  // Skip source maps and Trunk's leftovers (a failed build leaves dist/.stage/ behind).
  if (path.endsWith(".map") || path.split("/").some((part) => part.startsWith("."))) continue;
  const data = await readFile(join(dir, path));
  const gzip = gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
  rows.push({ path, raw: data.length, gzip });
}
rows.sort((a, b) => b.gzip - a.gzip);

const wasm = rows.filter((r) => r.path.endsWith(".wasm"));
if (wasm.length !== 1) {
  console.error(`budget: expected exactly one .wasm file in ${dir}/, but found ${wasm.length}`);
  process.exit(1);
}
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });

console.log("budget: first-load transfer (gzip -9)");
for (const r of rows) console.log(`  ${kb(r.gzip).padStart(8)} KB gzip  ${kb(r.raw).padStart(8)} KB raw  ${r.path}`);
console.log(`budget: wasm ${kb(wasm[0].raw)} KB raw, ${kb(wasm[0].gzip)} KB gzip`);
console.log(`budget: total ${kb(total.gzip)} KB gzip (${kb(total.raw)} KB raw) in ${rows.length} files`);
const goal = total.gzip <= GOAL_KB * 1024 ? "within" : `${kb(total.gzip - GOAL_KB * 1024)} KB over`;
console.log(`budget: goal ${GOAL_KB} KB: ${goal}; limit ${LIMIT_KB} KB`);
if (total.gzip > CEILING_KB * 1024) {
  console.error(`budget: FAILED: expected at most ${CEILING_KB} KB gzip in total (the ratchet; the limit is ${LIMIT_KB} KB), but found ${kb(total.gzip)} KB`);
  process.exit(1);
}
if (total.gzip > LIMIT_KB * 1024) {
  console.log(`budget: NOT MET: ${kb(total.gzip)} KB gzip is over the ${LIMIT_KB} KB limit (ratchet ceiling ${CEILING_KB} KB holds)`);
} else {
  console.log("budget: OK");
}
