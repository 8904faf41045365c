//! Where the app's wasm bytes go: code size by crate and the largest functions, read from the release wasm before wasm-opt strips the names.
//
// Usage (after `bash scripts/build.sh`; mucsong-commune.wasm for commune mode's bundle):
//   node scripts/wasm-size.mjs [target/wasm32-unknown-unknown/release/mucsong-app.wasm] [N_TOP]
// Sizes are of function bodies before wasm-opt (which shrinks the whole by roughly a third), so
// compare them with each other, not with the budget. Generic code is counted under the crate
// that names the function, e.g. `<T as serde_core::Deserialize>` under serde_core.

import { readFileSync } from "node:fs";

const path = process.argv[2] ?? "target/wasm32-unknown-unknown/release/mucsong-app.wasm";
const nTop = Number(process.argv[3] ?? 25);
let bytes;
try {
  bytes = readFileSync(path);
} catch {
  console.error(`wasm-size: expected a wasm file at ${path} (run bash scripts/build.sh first), but found none`);
  process.exit(1);
}

let at = 8; // after the magic number and version
const leb = () => {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const name = () => {
  const n = leb();
  const s = bytes.subarray(at, at + n).toString();
  at += n;
  return s;
};
const limits = () => {
  const flags = bytes[at++];
  leb();
  if (flags & 1) leb();
};

let nImportedFunctions = 0;
const bodySizes = [];
const functionNames = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imports: function indices start after the imported functions.
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        nImportedFunctions++;
      } else if (kind === 1) {
        at++;
        limits();
      } else if (kind === 2) {
        limits();
      } else if (kind === 3) {
        at += 2;
      } else {
        at++;
        leb();
      }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const bodySize = leb();
      bodySizes.push(bodySize);
      at += bodySize;
    }
  } else if (id === 0 && name() === "name") {
    while (at < end) {
      const subsection = bytes[at++];
      const subsectionSize = leb();
      const subsectionEnd = at + subsectionSize;
      if (subsection === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          functionNames.set(index, name());
        }
      }
      at = subsectionEnd;
    }
  }
  at = end;
}
if (functionNames.size === 0) {
  console.error(`wasm-size: ${path} has no name section; use the wasm from target/, not from dist/`);
  process.exit(1);
}

/** The crate a (legacy-mangled) Rust symbol belongs to, or the symbol's start if unknown. */
function crateOf(symbol) {
  const generic = symbol.match(/^_ZN\d+_\$LT\$([a-z_0-9]+)\.\./) ?? symbol.match(/_LT\$([a-z_0-9]+)\.\./);
  if (generic) return generic[1];
  const plain = symbol.match(/^_ZN(\d+)([A-Za-z_][A-Za-z0-9_]*)/);
  if (plain) return plain[2].slice(0, Number(plain[1]));
  const v0 = symbol.match(/^_R[A-Za-z]*?C[sa-zA-Z0-9_]*?_(\d+)([a-z_][a-z0-9_]*)/);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  return symbol.slice(0, 24);
}

const functions = bodySizes.map((size, i) => ({ size, symbol: functionNames.get(i + nImportedFunctions) ?? "?" }));
const total = functions.reduce((sum, f) => sum + f.size, 0);
const byCrate = new Map();
for (const f of functions) {
  const crate = crateOf(f.symbol);
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + f.size);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`wasm-size: ${path}: ${kb(total)} KB of code in ${functions.length} functions (before wasm-opt)`);
console.log("by crate:");
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, nTop)) {
  console.log(`${kb(size)} KB  ${(100 * size / total).toFixed(1).padStart(5)} %  ${crate}`);
}
console.log("largest functions:");
for (const f of functions.sort((a, b) => b.size - a.size).slice(0, nTop)) {
  console.log(`${kb(f.size)} KB  ${f.symbol.replace(/17h[0-9a-f]{16}E$/, "").slice(0, 140)}`);
}
