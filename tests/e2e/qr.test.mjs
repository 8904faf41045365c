//! End-to-end: the QR code of the household record on the result page and the printout decodes, as a picture, to the household's export; Base45 as RFC 9285 writes it; a household too large for one code says so; the encoder loads on demand and works offline once used.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateRawSync } from "node:zlib";
import jsQR from "jsqr";
import { distDir, launchPhone, openApp, REPO_ROOT, waitForAppStarted, waitForOfflineReady, networkCutter } from "./support/harness.mjs";
import { SavedPage } from "./pages/saved-page.mjs";
import { AppPage } from "./support/app-page.mjs";

const SHOTS = join(REPO_ROOT, "artifacts", "screenshots");
await mkdir(SHOTS, { recursive: true });
const FIXTURES = join(REPO_ROOT, "tests", "e2e", "fixtures", "households");
const cutNetwork = networkCutter();

const phones = [];
after(async () => {
  for (const phone of phones) await phone.close();
});
async function phoneWith(options) {
  const phone = await launchPhone(options);
  phones.push(phone);
  await openApp(phone.page);
  return phone;
}

/** A fixture household record. */
const fixture = async (name) => JSON.parse(await readFile(join(FIXTURES, `${name}.json`), "utf8"));

/** The seven-member fixture grown or cut to `n` members, each with a name and birth date of their own. */
async function householdOf(n, id = `qr-${n}`) {
  const record = await fixture("large-family");
  const given = ["Lộc", "Sen", "Bình", "Thu", "An", "Hà", "Phúc", "Nguyệt", "Khánh", "Dũng", "Hương", "Tuấn"];
  record.id = id;
  record.members = Array.from({ length: n }, (_, i) => {
    const m = structuredClone(record.members[i % record.members.length]);
    if (i >= 7) m.name = `Trần ${m.sex === "male" ? "Văn" : "Thị"} ${given[i % given.length]}`;
    return m;
  });
  return record;
}

/** Imports `record` on the saved page, opens it and shows its result; returns the saved page object. */
async function showResult(phone, record) {
  const saved = await new SavedPage(phone.page).show();
  assert.match(await saved.importText(`${record.id}.json`, JSON.stringify(record)), /1/);
  await saved.byTestId("open").last().click();
  await phone.page.getByTestId("see-result").click();
  await phone.page.getByTestId("result-page").waitFor();
  return saved;
}

/** Waits until the code has been drawn (or refused) and returns its data-state. */
async function qrState(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="qr-code"]')?.dataset.state !== "loading", null, { timeout: 20_000 });
  return page.getByTestId("qr-code").getAttribute("data-state");
}

/**
 * Reads the code as a scanner would a picture of it: the SVG the page shows, drawn by the
 * browser's image decoder into pixels at 4 per module (a screenshot at a phone's 4.5 device pixels
 * a module blurs the edges of a large version beyond jsQR), then decoded by jsQR.
 */
async function scanQr(page) {
  const { width, height, rgba } = await page.getByTestId("qr-code").evaluate(async (element) => {
    const svg = element.querySelector("svg");
    const side = svg.viewBox.baseVal.width * 4;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = side;
    const context = canvas.getContext("2d");
    context.imageSmoothingEnabled = false;
    context.drawImage(image, 0, 0, side, side);
    const data = context.getImageData(0, 0, side, side).data;
    let binary = "";
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: side, height: side, rgba: btoa(binary) };
  });
  const found = jsQR(new Uint8ClampedArray(Buffer.from(rgba, "base64")), width, height);
  assert.ok(found, "jsQR finds a QR code in the picture of the element");
  return found.data;
}

/** Base45 (RFC 9285) back to bytes, written here independently of the app's encoder. */
function fromBase45(text) {
  const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  const values = [...text].map((c) => {
    const v = alphabet.indexOf(c);
    assert.ok(v >= 0, `expected a Base45 character, but found ${JSON.stringify(c)}`);
    return v;
  });
  const out = [];
  for (let i = 0; i < values.length; i += 3) {
    const n = values[i] + values[i + 1] * 45 + (i + 2 < values.length ? values[i + 2] * 2025 : 0);
    if (i + 2 < values.length) out.push(n >> 8, n & 0xff);
    else out.push(n);
  }
  return Buffer.from(out);
}

/** The household record a QR text holds: "MS1:", Base45, raw DEFLATE, JSON. */
function recordOf(qrText) {
  assert.ok(qrText.startsWith("MS1:"), `expected the text to start with MS1:, but found ${qrText.slice(0, 8)}`);
  return JSON.parse(inflateRawSync(fromBase45(qrText.slice(4))).toString("utf8"));
}

/** The saved household's export (its card's "Xuất tệp"), parsed. */
async function exportOf(saved) {
  await saved.show();
  const [download] = await Promise.all([saved.page.waitForEvent("download"), saved.byTestId("export").last().click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

test("Base45 is written as RFC 9285's examples write it", async () => {
  const { base45, PREFIX } = await import(pathToFileURL(join(await distDir(), "lazy", "qr.js")).href);
  const bytes = (s) => new TextEncoder().encode(s);
  assert.equal(base45(bytes("AB")), "BB8");
  assert.equal(base45(bytes("Hello!!")), "%69 VD92EX0");
  assert.equal(base45(bytes("base-45")), "UJCLQE7W581");
  assert.equal(base45(bytes("ietf!")), "QED8WEX0");
  assert.equal(base45(new Uint8Array([0, 0, 255, 255])), "000FGW");
  assert.deepEqual(fromBase45("FGW"), Buffer.from([255, 255]));
  assert.equal(PREFIX, "MS1:");
});

for (const n of [4, 10]) {
  test(`the result page's QR code of a household of ${n}, read as a picture, is the household's export`, async (t) => {
    const phone = await phoneWith();
    const record = n === 4 ? await fixture("lang-son-four") : await householdOf(n);
    const saved = await showResult(phone, record);
    // Folded on screen: the officer opens it.
    const block = phone.page.getByTestId("qr-block");
    await block.locator("summary").click();
    assert.equal(await qrState(phone.page), "ready");
    const code = phone.page.getByTestId("qr-code");
    const [version, ecc, chars] = await Promise.all(["data-version", "data-ecc", "data-chars"].map((a) => code.getAttribute(a)));
    t.diagnostic(`household of ${n}: ${chars} characters, QR version ${version}, error correction ${ecc}`);
    assert.ok(Number(version) <= 32 && "MQH".includes(ecc), `version ${version}, level ${ecc}`);
    await block.scrollIntoViewIfNeeded();
    await phone.page.screenshot({ path: join(SHOTS, `qr-result-${n}.png`) });
    const decoded = recordOf(await scanQr(phone.page));
    assert.equal(decoded.members.length, n);
    assert.deepEqual(decoded, await exportOf(saved));
    assert.deepEqual(await phone.problems(), []);
  });
}

test("on the printout the code is open and still reads as the household's record, and it is on the sheet at 0,5 mm a module", async (t) => {
  const phone = await phoneWith();
  const record = await householdOf(5);
  const saved = await showResult(phone, record);
  assert.equal(await qrState(phone.page), "ready");
  // As the browser's menu prints: print media, nothing clicked.
  await phone.page.emulateMedia({ media: "print" });
  const code = phone.page.getByTestId("qr-code");
  assert.ok(await code.isVisible(), "the code prints although it is folded on screen");
  assert.match(await phone.page.getByTestId("qr-block").innerText(), /Mã QR cho cán bộ xã/);
  const version = Number(await code.getAttribute("data-version"));
  const side = await code.locator("svg").getAttribute("width");
  assert.equal(side, `${((4 * version + 17 + 8) * 0.5).toString()}mm`);
  const pdf = await phone.page.pdf({ path: join(SHOTS, "qr-print-5.pdf"), format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  t.diagnostic(`printout of a household of five: ${pages} A4 pages, QR version ${version} (${side} square)`);
  assert.ok(pages <= 2, `the commune office's sheet for five people takes ${pages} A4 pages (at most 2)`);
  const decoded = recordOf(await scanQr(phone.page));
  await phone.page.emulateMedia({ media: "screen" });
  assert.deepEqual(decoded, await exportOf(saved));
  assert.deepEqual(await phone.problems(), []);
});

test("a household too large for one readable code says so plainly instead of printing one", async () => {
  const phone = await phoneWith();
  const record = await householdOf(20, "qr-too-large");
  // Names no compressor can shorten (a fixed pseudo-random sequence): far past what version 32 holds.
  let seed = 12345;
  const letter = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return "abcdeghiklmnopqrstuvxy"[seed % 22];
  };
  record.members.forEach((m) => {
    m.name = Array.from({ length: 6 }, () => Array.from({ length: 6 }, letter).join("")).join(" ");
  });
  await showResult(phone, record);
  await phone.page.getByTestId("qr-block").locator("summary").click();
  assert.equal(await qrState(phone.page), "too-large");
  assert.equal(await phone.page.getByTestId("qr-code").locator("svg").count(), 0);
  assert.match(await phone.page.getByTestId("qr-too-large").innerText(), /quá nhiều thông tin.*Xuất tệp/s);
  await phone.page.emulateMedia({ media: "print" });
  assert.ok(await phone.page.getByTestId("qr-too-large").isVisible(), "the printout says it too");
  await phone.page.emulateMedia({ media: "screen" });
  assert.deepEqual(await phone.problems(), []);
});

test("the encoder is not part of the first load, and once used it works with the network cut", async () => {
  const phone = await phoneWith();
  await waitForOfflineReady(phone.page);
  const lazy = () => phone.requests.filter((r) => /\/lazy\/qr(codegen)?\.js$/.test(new URL(r.url).pathname));
  assert.deepEqual(lazy(), [], "nothing of the QR code is downloaded before a result is shown");
  await showResult(phone, await fixture("lang-son-four"));
  assert.equal(await qrState(phone.page), "ready");
  assert.ok(lazy().length >= 2, "qr.js and qrcodegen.js were downloaded for the result");
  await cutNetwork(phone);
  await phone.page.reload({ waitUntil: "load" });
  await waitForAppStarted(phone.page);
  // The reload reopens the household where it was: its result.
  await phone.page.getByTestId("result-page").waitFor();
  assert.equal(await qrState(phone.page), "ready", "drawn offline from the service worker's cache");
  await phone.context.setOffline(false);
  assert.deepEqual(await phone.problems(), []);
});

test("English: the block is in English, and at 320 px with 200 % text it fits the screen", async () => {
  const phone = await phoneWith({ viewport: { width: 320, height: 740 } });
  const app = new AppPage(phone.page);
  await app.byTestId("lang-en").click();
  await app.waitForLang("en");
  await showResult(phone, await fixture("lang-son-four"));
  // Android's "font size: largest" roughly doubles the root size.
  await phone.page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
  const block = app.byTestId("qr-block");
  await block.locator("summary").click();
  assert.equal(await qrState(phone.page), "ready");
  assert.match(await block.innerText(), /QR code for the commune officer.*nothing is sent anywhere/s);
  assert.ok(await app.fitsViewportWidth(), "the page is wider than 320 px");
  assert.deepEqual(await app.brokenWords(), []);
  await block.scrollIntoViewIfNeeded();
  await block.screenshot({ path: join(SHOTS, "qr-320-200pct-en.png") });
  // The block's own words (the language test of the whole page is the other specs'; its English
  // result page has known gaps outside this block).
  assert.doesNotMatch(await block.innerText(), /(?<![\p{L}])(và|của|không|được|người|mã|cán bộ)(?![\p{L}])/u);
  assert.deepEqual((await phone.problems()).filter((p) => !p.startsWith("en: ")), []);
});

test("offline before the encoder was ever used, the block says the network is needed once, with no error", async () => {
  const phone = await phoneWith();
  await waitForOfflineReady(phone.page);
  await cutNetwork(phone);
  await showResult(phone, await fixture("lang-son-four"));
  await phone.page.getByTestId("qr-block").locator("summary").click();
  const failed = phone.page.getByTestId("qr-failed");
  await failed.waitFor();
  assert.match(await failed.innerText(), /cần có mạng/);
  assert.equal(await phone.page.getByTestId("qr-loading").isVisible(), false);
  await phone.context.setOffline(false);
  assert.deepEqual(await phone.problems(), []);
});
