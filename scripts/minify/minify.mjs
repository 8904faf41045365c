//! Release build step: minifies the JavaScript every visitor downloads (wasm-bindgen's glue, the loader, the service worker) with the pinned terser, keeping Trunk's integrity hashes true.
//
// Usage: node scripts/minify/minify.mjs glue DIST_DIR     (after a Trunk build of one page into DIST_DIR)
//        node scripts/minify/minify.mjs sw DIST_DIR       (before scripts/gen-precache.mjs fills in sw.js)
//        node scripts/minify/minify.mjs offline DIST_DIR  (the household build: commune-offline.html)
//        node scripts/minify/minify.mjs lazy DIST_DIR     (the household build: the QR code's modules in lazy/)
// scripts/build.sh runs each at the right moment. Why: the glue and the service worker are
// read-once text that gzip cannot shrink as well as a minifier (measured: 12.2 KB -> 8.5 KB gzip
// together). Trunk 0.21 minifies CSS and HTML (Trunk.toml `minify`) but not wasm-bindgen's output.
//
// Trunk marks the glue's <link rel="modulepreload"> with a sha384 `integrity` attribute; the
// browser refuses a file that does not match it, so after minifying the glue its page's
// index.html gets the new hash. In sw.js the comments that mark gen-precache.mjs's placeholders
// are kept, so the lists can be filled in (and filled in again) after minifying.

import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";
import { prepareGlue, shrinkWasm } from "./shrink.mjs";

// wasm-opt's feature flags for the second -Oz run (the wasm features Rust's wasm32 target emits).
const WASM_FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
  // Rust's wasm32 layout puts the stack (1 MB, growing down) below the data, so the low 1 KB of
  // memory is reached only by a stack already overflowed: wasm-opt may then fold constant
  // offsets into loads and stores. Measured on the household page (2026-12-02): 1.1 KB gzip.
  "--low-memory-unused",
];

const [mode, dir] = process.argv.slice(2);
const fail = (message) => {
  console.error(`minify: ${message}`);
  process.exit(1);
};
if (!["glue", "sw", "offline", "lazy"].includes(mode) || !dir) {
  fail(`expected "glue DIST_DIR", "sw DIST_DIR", "offline DIST_DIR" or "lazy DIST_DIR", but found "${process.argv.slice(2).join(" ")}"`);
}

const kb = (n) => (n / 1024).toFixed(1);

/** Minifies one file in place; `module` for ES modules; `keep` matches comments to keep. Returns the new text. */
async function minifyFile(path, module, keep = false) {
  const source = await readFile(path, "utf8");
  const result = await minify(source, { module, compress: true, mangle: true, format: { comments: keep } });
  if (typeof result.code !== "string" || result.code.length === 0) {
    fail(`${path}: expected terser to return code, but found none`);
  }
  await writeFile(path, result.code);
  console.log(`minify: ${path} ${kb(source.length)} KB -> ${kb(result.code.length)} KB`);
  return result.code;
}

if (mode === "sw") {
  await minifyFile(join(dir, "sw.js"), false, /__MUCSONG_/);
} else if (mode === "lazy") {
  // The ES modules the household page loads on demand (the QR code: public/lazy/qr.js and the
  // vendored qrcodegen.js). The library's copyright and licence notice is kept, as its licence asks.
  const modules = (await readdir(join(dir, "lazy"))).filter((n) => n.endsWith(".js"));
  if (modules.length === 0) fail(`${join(dir, "lazy")}: expected the QR code's modules, but found no .js file`);
  for (const name of modules) await minifyFile(join(dir, "lazy", name), true, /Copyright/);
} else if (mode === "offline") {
  // commune-offline.html (copied as it is by Trunk) links the app's stylesheet, whose built name
  // carries a content hash; its comments and the whitespace between tags go (Trunk minifies the
  // pages it builds, not the files it copies). No <pre> or inline script: whitespace runs render
  // as one space anyway.
  const path = join(dir, "commune-offline.html");
  const source = await readFile(path, "utf8");
  const css = (await readdir(dir)).filter((n) => /^main-[0-9a-f]{12,16}\.css$/.test(n));
  if (css.length !== 1) fail(`${dir}: expected one built main-<hash>.css, but found ${css.length}`);
  const placeholder = 'href="../main.css"';
  const n = source.split(placeholder).length - 1;
  if (n !== 1) fail(`${path}: expected ${placeholder} once, but found it ${n} times`);
  const out = source
    .replace(placeholder, `href="../${css[0]}"`)
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/>\s+</g, "><")
    .replace(/\s+/g, " ")
    .trim();
  await writeFile(path, out);
  console.log(`minify: ${path} ${kb(source.length)} KB -> ${kb(out.length)} KB`);
} else {
  // The glue is the one `<name>-<hash>.js` file Trunk wrote next to the wasm (the hash is 64 bits
  // in hex without leading zeros: usually 16 digits, sometimes fewer).
  const names = (await readdir(dir)).filter((n) => /-[0-9a-f]{12,16}\.js$/.test(n) && !n.startsWith("boot-"));
  const wasm = (await readdir(dir)).filter((n) => n.endsWith("_bg.wasm"));
  if (wasm.length !== 1) fail(`${dir}: expected exactly one _bg.wasm file, but found ${wasm.length}`);
  const glue = names.filter((n) => n === wasm[0].replace(/_bg\.wasm$/, ".js"));
  if (glue.length !== 1) fail(`${dir}: expected wasm-bindgen's glue ${wasm[0].replace(/_bg\.wasm$/, ".js")}, but found none`);
  // Unused exported classes out, terser, then short names shared by the wasm and the glue
  // (shrink.mjs says why and how).
  const gluePath = join(dir, glue[0]);
  const source = await readFile(gluePath, "utf8");
  const prepared = prepareGlue(source);
  const minified = await minify(prepared.glue, { module: true, compress: true, mangle: true, format: { comments: false } });
  if (typeof minified.code !== "string" || minified.code.length === 0) {
    fail(`${gluePath}: expected terser to return code, but found none`);
  }
  const wasmPath = join(dir, wasm[0]);
  const wasmBefore = (await readFile(wasmPath)).length;
  const shrunk = shrinkWasm(wasmPath, minified.code, WASM_FEATURES);
  const code = shrunk.glue;
  await writeFile(gluePath, code);
  const wasmAfter = (await readFile(wasmPath)).length;
  console.log(`minify: ${gluePath} ${kb(source.length)} KB -> ${kb(code.length)} KB`);
  console.log(
    `minify: ${wasmPath} ${kb(wasmBefore)} KB -> ${kb(wasmAfter)} KB ` +
      `(${shrunk.nRenamed} names shortened; dropped: ${prepared.dropped.join(", ") || "no classes"}, ${shrunk.removedExports.length} exports)`,
  );

  // Every tag that names the glue or the wasm and carries an integrity attribute gets the new
  // hash (attribute values may be quoted or, after Trunk's HTML minifier, not).
  const htmlPath = join(dir, "index.html");
  let html = await readFile(htmlPath, "utf8");
  for (const [file, bytes] of [[glue[0], code], [wasm[0], await readFile(wasmPath)]]) {
    const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
    let updated = 0;
    html = html.replace(/<link\b[^>]*>/g, (tag) => {
      if (!tag.includes(file) || !/\bintegrity=/.test(tag)) return tag;
      updated += 1;
      return tag.replace(/\bintegrity=("[^"]*"|'[^']*'|[^\s>]+)/, `integrity="${integrity}"`);
    });
    if (updated === 0) fail(`${htmlPath}: expected a <link> with an integrity attribute for ${file}, but found none`);
  }
  await writeFile(htmlPath, html);
}
