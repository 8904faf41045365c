//! Release build step: makes one page's wasm and its wasm-bindgen glue smaller together — drops the glue's classes and the wasm exports nothing calls, gives every import and export a short name, and removes the wasm's custom sections.
//
// Used by minify.mjs ("glue" mode) on a Trunk build: `prepareGlue` before terser runs,
// `shrinkWasm` after it. Why: wasm-bindgen names every import `__wbg_<method>_<16 hex digits>`
// and every closure export after its full Rust type (up to 300 characters); each name is
// written twice (in the wasm and in the glue), and gzip compresses the hex poorly. Leptos also
// links wasm-streams (through server_fn, which this app never calls), whose three exported
// classes wasm-bindgen keeps in the glue and in the wasm even though nothing uses them. Measured
// on the household page: see scripts/build.sh.
//
// Safety: a name is only rewritten where the glue names it as a whole word, every name must be
// found there (else the build stops), an export is only dropped when the minified glue no longer
// mentions it at all, and wasm-opt then validates the module and removes the code only the dropped
// exports reached. The e2e suite runs on the result.

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, rmSync } from "node:fs";

const fail = (message) => {
  console.error(`shrink: ${message}`);
  process.exit(1);
};

/** Escapes a string for use inside a RegExp. */
// The last wasm-opt run: Binaryen's flatten and re-reloop passes, each time followed by two -Oz
// rounds, let it restructure the control flow anew. Measured on the household page (2026-12-04):
// once 1.1 KB gzip smaller than one -Oz, twice another 0.7 KB; about 20 s longer.
const RESTRUCTURE = ["--flatten", "--rereloop", "-Oz", "-Oz"];
const OPT_PASSES = [...RESTRUCTURE, ...RESTRUCTURE];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A RegExp matching `name` as a whole identifier (not part of a longer one). */
const word = (name, flags = "g") => new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, flags);

/**
 * Before terser: an exported class that nothing else in the glue names (wasm-bindgen wrote it for
 * a `#[wasm_bindgen]` struct the Rust code never hands to JavaScript) stops being exported, its
 * `Symbol.dispose` line goes and its FinalizationRegistry is marked pure, so terser drops all three.
 * Returns the new glue text and the classes dropped.
 */
export function prepareGlue(glue) {
  const dropped = [];
  let out = glue;
  for (const [, name] of glue.matchAll(/^export class (\w+) \{$/gm)) {
    const dispose = `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`;
    // Its definition and the two mentions in the dispose line; any other mention is a use.
    const mentions = (glue.match(word(name)) || []).length;
    if (mentions !== 3 || !glue.includes(dispose)) continue;
    const registry = new RegExp(
      `(const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)[^;]*?)new FinalizationRegistry`,
    );
    if (!registry.test(out)) fail(`glue: expected ${name}Finalization in wasm-bindgen's form, but did not find it`);
    out = out
      .replace(`export class ${name} {`, `class ${name} {`)
      .replace(dispose, "")
      .replace(registry, "$1/*@__PURE__*/ new FinalizationRegistry");
    dropped.push(name);
  }
  return { glue: out, dropped };
}

/** Unsigned LEB128 read at `i` of `bytes`: [value, next index]. */
function leb(bytes, i) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[i++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, i];
  }
}

/** Unsigned LEB128 encoding of `n`. */
function uleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

const utf8 = (s) => Buffer.from(s, "utf8");
const name = (s) => Buffer.concat([uleb(utf8(s).length), utf8(s)]);

/** Reads a length-prefixed name at `i`: [string, next index]. */
function readName(bytes, i) {
  const [n, j] = leb(bytes, i);
  return [bytes.subarray(j, j + n).toString("utf8"), j + n];
}

/** Skips an import's description (after its kind byte) at `i`: next index. */
function skipImportDesc(bytes, kind, i) {
  const limits = (k) => {
    const flags = bytes[k++];
    [, k] = leb(bytes, k);
    if (flags & 1) [, k] = leb(bytes, k);
    return k;
  };
  switch (kind) {
    case 0: return leb(bytes, i)[1]; // function: type index
    case 1: return limits(i + 1); // table: reference type, limits
    case 2: return limits(i); // memory: limits
    case 3: return i + 2; // global: value type, mutability
    default: fail(`wasm: import kind ${kind} is not supported here`);
  }
}

/** Short names a, b, …, Z, aa, ab, … (never a JavaScript keyword: none has one or two letters but `do`, `if`, `in`). */
function* shortNames() {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const reserved = new Set(["do", "if", "in"]);
  for (let length = 1; ; length++) {
    const total = letters.length ** length;
    for (let k = 0; k < total; k++) {
      let s = "";
      for (let r = k, p = 0; p < length; p++, r = Math.floor(r / letters.length)) s += letters[r % letters.length];
      if (!reserved.has(s)) yield s;
    }
  }
}

/**
 * After terser: rewrites the wasm at `wasmPath` (imports from the glue's module and exports renamed,
 * exports the glue no longer mentions removed, custom sections removed), runs wasm-opt to drop the
 * code only those exports reached, and returns the glue with the same names rewritten.
 * `features` are wasm-opt's feature flags.
 */
export function shrinkWasm(wasmPath, glue, features) {
  const bytes = readFileSync(wasmPath);
  if (bytes.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath}: expected a wasm module, but found other bytes`);
  const sections = [];
  for (let i = 8; i < bytes.length; ) {
    const id = bytes[i];
    const [size, start] = leb(bytes, i + 1);
    sections.push({ id, body: bytes.subarray(start, start + size) });
    i = start + size;
  }

  // The glue's own import module, `./<stem>_bg.js` (wasm-bindgen's name for it).
  const modules = new Set();
  const importSection = sections.find((s) => s.id === 2);
  if (importSection) {
    const [count, first] = leb(importSection.body, 0);
    for (let e = 0, i = first; e < count; e++) {
      const [module, afterModule] = readName(importSection.body, i);
      const [, afterField] = readName(importSection.body, afterModule);
      i = skipImportDesc(importSection.body, importSection.body[afterField], afterField + 1);
      if (/^\.\/.*_bg\.js$/.test(module)) modules.add(module);
    }
  }
  if (modules.size !== 1) fail(`${wasmPath}: expected imports from one "./<name>_bg.js" module, but found ${modules.size}`);
  const [moduleName] = modules;

  // Which names are renamed: every import from the glue, every export the glue still mentions.
  const renames = new Map();
  const fresh = shortNames();
  const rename = (old) => {
    if (!renames.has(old)) renames.set(old, fresh.next().value);
    return renames.get(old);
  };
  const mentioned = (n) => word(n, "").test(glue);
  // Renamed only where every mention is in the one form the name takes in the glue: an export is
  // read as a property (`wasm.name`), an import is a key of the import object (`{name:` or
  // `,name(` as terser writes methods). Any other mention keeps the name as it is.
  const onlyAs = (n, before, after) =>
    [...glue.matchAll(word(n))].every((m) => before.includes(glue[m.index - 1]) && after.includes(glue[m.index + n.length]));
  const renameImport = (n) => (onlyAs(n, "{,", ":(") ? rename(n) : n);
  const renameExport = (n) => (onlyAs(n, ".", ".(),;:[]?=!&|+-*/<>}` \n") ? rename(n) : n);
  const removedExports = [];

  const out = [bytes.subarray(0, 8)];
  for (const { id, body } of sections) {
    let next = body;
    if (id === 0) continue; // custom sections (producers, target_features, …): not needed to run
    if (id === 2) {
      const [count, first] = leb(body, 0);
      const parts = [uleb(count)];
      let i = first;
      for (let e = 0; e < count; e++) {
        const [module, afterModule] = readName(body, i);
        const [field, afterField] = readName(body, afterModule);
        const kind = body[afterField];
        const end = skipImportDesc(body, kind, afterField + 1);
        const ours = module === moduleName;
        if (ours && !mentioned(field)) fail(`glue: expected the import ${field}, but the glue does not name it`);
        parts.push(name(ours ? "a" : module), name(ours ? renameImport(field) : field), body.subarray(afterField, end));
        i = end;
      }
      next = Buffer.concat(parts);
    } else if (id === 7) {
      const [count, first] = leb(body, 0);
      const kept = [];
      let i = first;
      for (let e = 0; e < count; e++) {
        const [field, afterField] = readName(body, i);
        const [, end] = leb(body, afterField + 1);
        if (mentioned(field)) kept.push(Buffer.concat([name(renameExport(field)), body.subarray(afterField, end)]));
        else removedExports.push(field);
        i = end;
      }
      next = Buffer.concat([uleb(kept.length), ...kept]);
    }
    out.push(Buffer.from([id]), uleb(next.length), next);
  }

  // The glue: the module name once (the key of its import object), every other name as a word.
  const moduleLiteral = new RegExp(`(["'])${escape(moduleName)}\\1`, "g");
  const n = (glue.match(moduleLiteral) || []).length;
  if (n !== 1) fail(`glue: expected the import module name "${moduleName}" once, but found it ${n} times`);
  let newGlue = glue.replace(moduleLiteral, '"a"');
  if (renames.size === 0) fail("glue: expected names to shorten, but found none");
  const longest = [...renames.keys()].sort((a, b) => b.length - a.length);
  const any = new RegExp(`(?<![\\w$])(${longest.map(escape).join("|")})(?![\\w$])`, "g");
  newGlue = newGlue.replace(any, (m) => renames.get(m));
  for (const short of renames.values()) {
    if (!word(short, "").test(newGlue)) fail(`glue: the renamed ${short} is missing after renaming`);
  }

  const raw = `${wasmPath}.shrink.wasm`;
  writeFileSync(raw, Buffer.concat(out));
  try {
    execFileSync("wasm-opt", [...OPT_PASSES, ...features, raw, "-o", wasmPath], { stdio: "inherit" });
  } catch (e) {
    fail(`wasm-opt failed on ${raw}: ${e.message}`);
  }
  rmSync(raw);
  return { glue: newGlue, removedExports, nRenamed: renames.size };
}
