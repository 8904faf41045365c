//! Page object and helpers for commune mode's end-to-end specs: open commune mode's page, load a file (picker or drop), read the dashboard's figures, take downloads, run the command-line tool; the forms workbench and a small zip reader for its .xlsx files.

import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import zlib from "node:zlib";
import { AppPage } from "./app-page.mjs";
import { distDir, REPO_ROOT, waitForAppStarted, waitInPage } from "./harness.mjs";

export const AS_OF = "2026-11-27";
export const FIXTURES = join(REPO_ROOT, "tests/e2e/fixtures");

export class CommunePage extends AppPage {
  /** Opens the household app and follows its commune tab to commune mode's own page. */
  async open(options) {
    await super.open(options);
    await this.followCommuneTab();
    return this;
  }

  /** From the household app: follows the commune tab (a link to commune/) and waits until commune mode has started. */
  async followCommuneTab() {
    await this.byTestId("nav-commune").click();
    await this.page.waitForURL(/\/commune\/$/);
    await waitForAppStarted(this.page);
    await this.byTestId("commune-section").waitFor();
    return this;
  }

  /** Opens commune/ directly (a bookmark), without passing through the household app. */
  async openDirectly(options = {}) {
    await super.open({ ...options, path: "commune/" });
    await this.byTestId("commune-section").waitFor();
    return this;
  }

  /** Sets the assessment date field. */
  async setDate(date) {
    await this.byTestId("commune-date").fill(date);
    await this.byTestId("commune-date").dispatchEvent("change");
  }

  /** Picks a file through the file input (a path, or {name, mimeType, buffer}). */
  async pick(file) {
    await this.byTestId("commune-file-input").setInputFiles(file);
  }

  /** Drops a file on the drop zone, as dragging it from the desktop does. */
  async drop(name, bytes) {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, data }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], name));
        return transfer;
      },
      { name, data: [...bytes] },
    );
    await this.byTestId("commune-drop-zone").dispatchEvent("drop", { dataTransfer });
  }

  /** Waits for the dashboard of a finished run and returns its figures. */
  async figures(timeout = 60_000) {
    const done = this.byTestId("commune-done");
    await done.waitFor({ timeout });
    const count = async (key) => Number(await this.byTestId(`commune-count-${key}`).getAttribute("data-count"));
    return {
      households: Number(await done.getAttribute("data-households")),
      rejected: Number(await done.getAttribute("data-rejected")),
      workMs: Number(await done.getAttribute("data-work-ms")),
      wallMs: Number(await done.getAttribute("data-wall-ms")),
      readMs: Number(await done.getAttribute("data-read-ms")),
      wasmBytes: Number(await done.getAttribute("data-wasm-bytes")),
      poor: await count("poor"),
      near_poor: await count("near_poor"),
      not_poor: await count("not_poor"),
      undetermined: await count("undetermined"),
    };
  }

  /** Clicks a button that downloads a file and returns {name, bytes}. */
  async download(testId) {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.byTestId(testId).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  /** The shown file-level problem, if any. */
  fileError() {
    return this.byTestId("commune-file-error");
  }
}

/** Every file of commune mode's page in the build under test, as URLs relative to the app ("./commune/…"). */
export async function communeFiles() {
  const dir = join(await distDir(), "commune");
  return (await readdir(dir)).filter((name) => !name.startsWith(".") && !name.endsWith(".map")).map((name) => `./commune/${name}`);
}

/** Waits until the service worker's cache holds every file of commune mode (then it opens offline). */
export async function waitForCommuneCached(page) {
  const urls = await communeFiles();
  await waitInPage(
    page,
    async (urls) => {
      const root = (await navigator.serviceWorker.getRegistration())?.scope;
      if (!root) return false;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        const found = await Promise.all(urls.map((url) => cache.match(new URL(url, root).href)));
        if (found.every(Boolean)) return true;
      }
      return false;
    },
    { arg: urls, what: `the service worker to cache commune mode's ${urls.length} files` },
  );
}

let cliPath;
/** The command-line tool's binary: $MUCSONG_CLI, else the debug build, brought up to date first (a no-op when fresh) so it always runs the same engine as the app under test. */
export function cliBinary() {
  if (cliPath) return cliPath;
  if (process.env.MUCSONG_CLI) return (cliPath = process.env.MUCSONG_CLI);
  execFileSync("cargo", ["build", "--offline", "--quiet", "-p", "mucsong-cli", "--bin", "mucsong"], { cwd: REPO_ROOT, stdio: "inherit" });
  return (cliPath = join(REPO_ROOT, "target/debug/mucsong"));
}

/** Runs `mucsong classify --as-of AS_OF FILE`; returns its standard output (the CLI exits 1 when some records are refused). */
export function runCli(file, { asOf = true } = {}) {
  const args = ["classify", ...(asOf ? ["--as-of", AS_OF] : []), file];
  try {
    return execFileSync(cliBinary(), args, { maxBuffer: 1 << 28 });
  } catch (error) {
    if (error.status === 1 && error.stdout?.length) return error.stdout;
    throw error;
  }
}

/** Class totals from a results CSV written by the CLI (any separator and header language). */
export function totalsFromCsv(bytes) {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.length > 0);
  const separator = header.split(";").length > header.split(",").length ? ";" : ",";
  const names = header.split(separator);
  const classAt = names.findIndex((n) => n === "class" || n === "phan_loai");
  const errorAt = names.findIndex((n) => n === "error" || n === "loi");
  const totals = { poor: 0, near_poor: 0, not_poor: 0, undetermined: 0, rejected: 0 };
  for (const row of rows) {
    // Error cells are quoted and may hold the separator; the class cell comes before them.
    const cells = row.split(separator);
    if (cells[classAt]) totals[cells[classAt]] += 1;
    else if (errorAt >= 0) totals.rejected += 1;
  }
  return totals;
}

/** Class totals from JSON Lines results written by the CLI. */
export function totalsFromJsonLines(bytes) {
  const totals = { poor: 0, near_poor: 0, not_poor: 0, undetermined: 0, rejected: 0 };
  for (const line of bytes.toString("utf8").split("\n")) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    if (record.error) totals.rejected += 1;
    else totals[record.class] += 1;
  }
  return totals;
}

/** Thôn Nà Lầu, the commune crate's hand-computed village (crates/commune/tests/fixtures/village/). */
export const VILLAGE = join(REPO_ROOT, "crates/commune/tests/fixtures/village");

/** One number or list of a section of the village's expected.toml (`[form_7_1]` → `n_poor = 14`), read without a TOML library: the file writes them one a line. */
export async function villageExpected(section, key) {
  const text = await readFile(join(VILLAGE, "expected.toml"), "utf8");
  const start = text.indexOf(`\n[${section}]\n`);
  if (start < 0) throw new Error(`expected.toml: no [${section}]`);
  const body = text.slice(start + section.length + 4).split(/\n\[/)[0];
  const line = body.split("\n").find((l) => l.startsWith(`${key} =`));
  if (!line) throw new Error(`expected.toml: no ${key} in [${section}]`);
  return JSON.parse(line.slice(line.indexOf("=") + 1).trim());
}

/** The review workbench of a finished run: attach the sheets, type the heading, open a form, read its table. */
export class FormsWorkbench {
  constructor(commune) {
    this.commune = commune;
    this.page = commune.page;
  }

  byTestId(id) {
    return this.commune.byTestId(id);
  }

  /** Attaches the details sheet and last year's list (paths). */
  async attach({ details, previous }) {
    if (details) await this.byTestId("forms-details-input").setInputFiles(details);
    if (previous) await this.byTestId("forms-previous-input").setInputFiles(previous);
  }

  /** Asks for the forms ("Lập biểu mẫu") and waits until they are made. */
  async build() {
    await this.byTestId("forms-build").click();
    await this.page.locator('[data-testid="form-sheet"]').waitFor({ timeout: 30_000 });
  }

  /** Types one heading field (`province`, `district`, `commune`, `year`) and leaves it. */
  async setHeading(field, value) {
    const input = this.byTestId(`heading-${field}`).first();
    await input.fill(value);
    await input.dispatchEvent("change");
  }

  /** Opens a form by its key (`6_1`, `7_1` …) and returns its sheet. */
  async open(key) {
    await this.byTestId(`form-pick-${key}`).first().click();
    const sheet = this.page.locator(`[data-testid="form-sheet"][data-form="${key}"]`);
    await sheet.waitFor();
    return sheet;
  }

  /** The open form's body rows: {kind, cells: [text…]}. */
  rows() {
    return this.page.locator('[data-testid="form-sheet"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ kind: tr.dataset.kind, cells: [...tr.cells].map((td) => td.textContent.trim()) })),
    );
  }
}

/** The entries of a zip file (an .xlsx) by name, inflated: a small reader of the central directory. */
export function unzip(bytes) {
  const { inflateRawSync } = zlib;
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const n = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < n; i += 1) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(dataAt, dataAt + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + skip;
  }
  return entries;
}
