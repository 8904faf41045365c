//! The build's wasm/glue shrinking step (scripts/minify/shrink.mjs) on a small hand-made module: names shortened in both files alike, unused exports and classes dropped, the result still runs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareGlue, shrinkWasm } from "../../scripts/minify/shrink.mjs";

const FEATURES = ["--enable-bulk-memory", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types"];

const bytes = (...parts) => Buffer.from(parts.flat());
const str = (s) => [Buffer.byteLength(s), ...Buffer.from(s)];
const section = (id, body) => [id, body.length, ...body];

/**
 * A module that imports `__wbg_log_0123456789abcdef(i32)` from "./x_bg.js", exports
 * `run_the_app_entry` (calls it with 42) and `intounderlying_pull` (which nothing calls), plus a
 * custom section.
 */
function module() {
  const types = [2, 0x60, 1, 0x7f, 0, 0x60, 0, 0];
  const imports = [1, ...str("./x_bg.js"), ...str("__wbg_log_0123456789abcdef"), 0, 0];
  const functions = [2, 1, 1];
  const exports = [2, ...str("run_the_app_entry"), 0, 1, ...str("intounderlying_pull"), 0, 2];
  const bodies = [[0, 0x41, 42, 0x10, 0, 0x0b], [0, 0x0b]];
  const code = [bodies.length, ...bodies.flatMap((b) => [b.length, ...b])];
  return bytes(
    [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    section(1, types),
    section(2, imports),
    section(3, functions),
    section(7, exports),
    section(10, code),
    section(0, [...str("producers"), 1, 2, 3]),
  );
}

/** Glue in the shape terser leaves wasm-bindgen's: an import object and `wasm.<export>` reads. */
const GLUE =
  '(function(){const i={__proto__:null,__wbg_log_0123456789abcdef:function(n){globalThis.__shrinkLogged=n}};' +
  'return{imports:{"./x_bg.js":i},start:w=>w.run_the_app_entry()}})()';

test("imports and exports get short names in the wasm and the glue alike, and the module still runs", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mucsong-shrink-"));
  try {
    const path = join(dir, "x_bg.wasm");
    await writeFile(path, module());
    const { glue, removedExports, nRenamed } = shrinkWasm(path, GLUE, FEATURES);
    assert.deepEqual(removedExports, ["intounderlying_pull"]);
    assert.equal(nRenamed, 2);
    assert.doesNotMatch(glue, /__wbg_log|run_the_app_entry|x_bg\.js/);

    const wasm = await readFile(path);
    const compiled = await WebAssembly.compile(wasm);
    assert.deepEqual(WebAssembly.Module.imports(compiled).map((i) => i.module), ["a"]);
    assert.equal(WebAssembly.Module.exports(compiled).length, 1);
    assert.equal(WebAssembly.Module.customSections(compiled, "producers").length, 0);

    const shrunk = (0, eval)(glue);
    const { instance } = await WebAssembly.instantiate(wasm, shrunk.imports);
    shrunk.start(instance.exports);
    assert.equal(globalThis.__shrinkLogged, 42);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("only exported classes nothing else names are dropped from the glue", () => {
  const klass = (name) =>
    `export class ${name} {\n    free() {}\n}\n` +
    `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n` +
    `const ${name}Finalization = (typeof FinalizationRegistry === 'undefined')\n` +
    `    ? { register: () => {}, unregister: () => {} }\n` +
    `    : new FinalizationRegistry(ptr => wasm.__wbg_${name.toLowerCase()}_free(ptr, 1));\n`;
  const source = klass("Unused") + klass("Used") + "function wrap(ptr) { return Used.__wrap(ptr); }\n";
  const { glue, dropped } = prepareGlue(source);
  assert.deepEqual(dropped, ["Unused"]);
  assert.match(glue, /^class Unused \{$/m);
  assert.match(glue, /\/\*@__PURE__\*\/ new FinalizationRegistry\(ptr => wasm\.__wbg_unused_free/);
  assert.doesNotMatch(glue, /Unused\.prototype\[Symbol\.dispose\]/);
  assert.match(glue, /^export class Used \{$/m);
  assert.match(glue, /Used\.prototype\[Symbol\.dispose\]/);
});
