//! The household record's QR code (docs/formats.md §4): loaded by the household page only when a result is shown (src/result/qr_code.rs), never in the first load, and cached by the service worker on first use (lazy/).
//
// The record's compact JSON → raw DEFLATE (the browser's own CompressionStream, so no deflate is
// shipped) → Base45 (RFC 9285) behind the prefix "MS1:" → one QR code in alphanumeric mode, made
// by Nayuki's qrcodegen (vendor/qrcodegen/, copied beside this file by scripts/build.sh) → SVG.
// Base45's 45 characters are exactly the QR alphanumeric set, so the code holds 5.5 bits a
// character (8.25 bits a byte, 3 % more than binary mode), and a scanner that returns text (a
// phone's camera app, Zalo, the BarcodeDetector API) returns it unmangled: no bytes that are not
// text, no character-set guessing.
//
// The page writes where a code goes (`.qr-code[data-record]`, src/result/qr_code.rs) and adds
// this module once with a <script type="module"> element (the CSP allows scripts from this origin
// only, and wasm-bindgen has no dynamic import); the module then draws every such element that is
// or appears on the page. The exports are for the tests (tests/e2e/qr.test.mjs).

import qrcodegen from "./qrcodegen.js";

const { QrCode, QrSegment } = qrcodegen;

/** What the text starts with: names the format and its version (docs/formats.md §4). */
export const PREFIX = "MS1:";
/**
 * The largest QR version printed: 145 modules a side, 0.5 mm each on the printout (76.5 mm with
 * the quiet zone), which a phone camera reads from an A4 sheet. A record that needs more is
 * refused, and the page says so, rather than printing a code too dense to scan.
 */
export const MAX_VERSION = 32;
/** Printed size of one module, in millimetres. */
const MODULE_MM = 0.5;
/** Light modules around the code, as the standard asks. */
const QUIET_ZONE = 4;
/** Base45's alphabet (RFC 9285 §4): the 45 characters of QR alphanumeric mode. */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/** Bytes as Base45 (RFC 9285): each two bytes as three characters, a last odd byte as two, least significant first. */
export function base45(bytes) {
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = bytes[i] * 256 + bytes[i + 1];
    out += ALPHABET[n % 45] + ALPHABET[Math.floor(n / 45) % 45] + ALPHABET[Math.floor(n / 2025)];
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1];
    out += ALPHABET[n % 45] + ALPHABET[Math.floor(n / 45)];
  }
  return out;
}

/** UTF-8 text compressed as raw DEFLATE (RFC 1951) by the browser. */
export async function deflateRaw(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The QR code's text for a household record's JSON: "MS1:" and the Base45 of its raw DEFLATE. */
export async function qrText(json) {
  return PREFIX + base45(await deflateRaw(json));
}

/**
 * The code as SVG: one path of dark runs, row by row, in a white square with the quiet zone,
 * sized in millimetres for print (the page's CSS scales it on screen).
 */
function svgOf(qr) {
  const side = qr.size + 2 * QUIET_ZONE;
  let path = "";
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; ) {
      if (!qr.getModule(x, y)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < qr.size && qr.getModule(x + run, y)) run++;
      path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run;
    }
  }
  const mm = `${side * MODULE_MM}mm`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${mm}" height="${mm}" ` +
    `shape-rendering="crispEdges" aria-hidden="true" focusable="false">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}

/**
 * The QR code of a household record's JSON: `{ text, svg, version, ecc }`. Error correction M
 * (15 % of the code may be smudged or folded), raised to Q or H when that fits in the same
 * version. When the text does not fit in version MAX_VERSION, `svg` is "" and `version` 0: the
 * page says so instead of printing a code.
 */
export async function householdQr(json) {
  const text = await qrText(json);
  let qr;
  try {
    qr = QrCode.encodeSegments([QrSegment.makeAlphanumeric(text)], QrCode.Ecc.MEDIUM, 1, MAX_VERSION, -1, true);
  } catch {
    return { text, svg: "", version: 0, ecc: "" };
  }
  return { text, svg: svgOf(qr), version: qr.version, ecc: "LMQH"[qr.errorCorrectionLevel.ordinal] };
}

/**
 * Draws the code of the record in `element`'s `data-record` into `element`, and says how it went
 * in its `data-state` ("ready", "too-large" or "failed"; the page's CSS shows the matching
 * sentence) and, for the tests and the curious, `data-version`, `data-ecc` and `data-chars`.
 */
export async function draw(element) {
  const json = element.dataset.record;
  let qr = null;
  try {
    qr = await householdQr(json);
  } catch (error) {
    console.warn("qr.js", error);
  }
  // A newer record is being drawn meanwhile: leave the element to that call.
  if (element.dataset.record !== json) return;
  element.innerHTML = qr?.svg ?? "";
  Object.assign(element.dataset, { version: qr?.version ?? 0, ecc: qr?.ecc ?? "", chars: qr?.text.length ?? 0 });
  element.dataset.state = !qr ? "failed" : qr.svg ? "ready" : "too-large";
}

/** The record each code element was last drawn for. */
const drawn = new WeakMap();

/** Draws every code on the page whose record has not been drawn yet. */
function drawWaiting() {
  for (const element of document.querySelectorAll(".qr-code[data-record]")) {
    if (drawn.get(element) === element.dataset.record) continue;
    drawn.set(element, element.dataset.record);
    draw(element);
  }
}

// The page writes a code element (src/result/qr_code.rs) whenever it shows a result and adds
// this module once: from then on every code element that appears is drawn, those already there
// at once. (In node, for the tests, there is no page.)
if (typeof document !== "undefined") {
  new MutationObserver(drawWaiting).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["data-record"],
  });
  drawWaiting();
}
