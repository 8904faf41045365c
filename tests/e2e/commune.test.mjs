//! Commune mode end to end in headless Chromium: a 500-household file classified in the browser matches the command-line tool, exports match and read back, targets are saved, bad files get clear messages, and the dashboard fits a 360 px phone (screenshots in artifacts/screenshots/).

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launchPhone, REPO_ROOT } from "./support/harness.mjs";
import { AS_OF, CommunePage, FIXTURES, runCli, totalsFromCsv, totalsFromJsonLines } from "./support/commune-page.mjs";

const SAMPLE = join(FIXTURES, "commune-500.csv");
const SHOTS = join(REPO_ROOT, "artifacts/screenshots");

async function withCommune(body, options) {
  const phone = await launchPhone(options);
  try {
    const commune = await new CommunePage(phone.page).open();
    await body(commune, phone);
  } finally {
    await phone.close();
  }
}

test("the 500-household sample is classified in the browser with the CLI's totals, its exports match the CLI and read back", async () => {
  const cli = runCli(SAMPLE);
  const expected = totalsFromCsv(cli);
  assert.equal(expected.poor + expected.near_poor + expected.not_poor + expected.undetermined, 495);
  await withCommune(async (commune, phone) => {
    await commune.setDate(AS_OF);
    await commune.pick(SAMPLE);
    const shown = await commune.figures();
    for (const key of ["poor", "near_poor", "not_poor", "undetermined"]) {
      assert.equal(shown[key], expected[key], `households ${key}: browser vs CLI`);
    }
    assert.equal(shown.rejected, expected.rejected);
    assert.equal(shown.households, 495);

    // Unreadable lines are listed with their line number, column and reason, in Vietnamese.
    const rows = commune.byTestId("commune-error-row");
    assert.equal(await rows.count(), 5);
    const lines = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.line)));
    assert.deepEqual(lines, [58, 124, 252, 335, 447]);
    const first = await rows.first().innerText();
    assert.match(first, /xa-ho-057/);
    assert.match(first, /cột so_nhan_khau: cần một số nguyên từ 1 đến 99, nhưng gặp "abc"/);
    assert.match(await rows.nth(1).innerText(), /cột thu_nhap_thang: cần số đồng nguyên/);

    // Results CSV with Vietnamese headers: byte for byte what the CLI writes for this file.
    const results = await commune.download("commune-export-results-csv");
    assert.equal(results.name, "commune-500-ket-qua.csv");
    assert.deepEqual(results.bytes.subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]), "UTF-8 BOM for Excel");
    assert.ok(results.bytes.equals(cli), "the browser's results CSV equals the CLI's output");

    const jsonl = await commune.download("commune-export-results-jsonl");
    const fromJsonl = totalsFromJsonLines(jsonl.bytes);
    assert.deepEqual(fromJsonl, expected);

    await commune.byTestId("commune-export-lang-en").check();
    const summary = await commune.download("commune-export-summary-csv");
    const summaryText = summary.bytes.toString("utf8");
    assert.match(summaryText, /^\uFEFFsection,key,label,households,base,share_percent,target_percent,status\r?\n/);
    assert.match(summaryText, new RegExp(`class,poor,Poor,${expected.poor},495,`));
    assert.match(summaryText, /target,water,/);

    // Re-import the exported results: the same classes (the short row now reads as unknowns).
    const exported = join(REPO_ROOT, "artifacts/commune-reimport.csv");
    await mkdir(join(REPO_ROOT, "artifacts"), { recursive: true });
    await writeFile(exported, results.bytes);
    await commune.pick(exported);
    await commune.byTestId("commune-file-label").filter({ hasText: "commune-reimport.csv" }).waitFor();
    const again = await commune.figures();
    assert.equal(again.poor, expected.poor);
    assert.equal(again.near_poor, expected.near_poor);
    assert.equal(again.undetermined, expected.undetermined);
    assert.equal(again.rejected, expected.rejected - 1);

    assert.deepEqual(await phone.problems(), []);
  });
});

test("a JSON Lines file dropped on the page gives the CLI's classes, using each record's own date", async () => {
  const file = join(FIXTURES, "commune-60.jsonl");
  const expected = totalsFromJsonLines(runCli(file, { asOf: false }));
  await withCommune(async (commune, phone) => {
    await commune.drop("commune-60.jsonl", await readFile(file));
    const shown = await commune.figures();
    for (const key of ["poor", "near_poor", "not_poor", "undetermined", "rejected"]) {
      assert.equal(shown[key], expected[key], `${key}: browser vs CLI`);
    }
    assert.ok(expected.rejected >= 2, "the fixture has bad lines");
    assert.match(await commune.byTestId("commune-errors-table").innerText(), /trường|cả dòng/);
    assert.deepEqual(await phone.problems(), []);
  });
});

test("the dashboard fits a 360 px phone, every chart has its table, and targets are edited and kept on the device", async () => {
  await withCommune(async (commune, phone) => {
    await commune.setDate(AS_OF);
    await commune.pick(SAMPLE);
    await commune.figures();
    assert.ok(await commune.fitsViewportWidth(), "expected no sideways scrolling at 360 px");
    for (const chart of ["commune-class-chart", "commune-indicator-chart"]) {
      const svg = commune.byTestId(chart);
      assert.equal(await svg.getAttribute("role"), "img");
      assert.ok((await svg.getAttribute("aria-label")).length > 10);
    }
    for (const table of ["commune-class-table", "commune-indicator-table", "commune-targets-table"]) {
      const caption = await commune.byTestId(table).locator("caption").innerText({ timeout: 5000 }).catch(() => "");
      const hidden = await commune.byTestId(table).evaluate((t) => t.querySelector("caption").textContent);
      assert.ok((caption || hidden).length > 10, `${table} has a caption`);
    }
    await mkdir(SHOTS, { recursive: true });
    await phone.page.screenshot({ path: join(SHOTS, "commune-dashboard-360.png"), fullPage: true });

    // Tap targets: every button and the target inputs are at least 44 px high.
    const small = await phone.page.evaluate(() =>
      [...document.querySelectorAll(".commune button, .commune .target-input, .commune label.button")]
        .filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 44)
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(small, []);

    // The defaults are Lạng Sơn's: water 99 %. Editing it changes the status and is saved.
    const water = commune.byTestId("commune-target-input-water");
    assert.equal(await water.inputValue(), "99");
    await water.fill("0");
    await water.dispatchEvent("change");
    await commune.byTestId("commune-target-row-water").locator('[data-status="met"]').waitFor();
    await water.fill("1,5tr");
    await water.dispatchEvent("change");
    assert.equal(await water.getAttribute("aria-invalid"), "true");
    await water.fill("97,5");
    await water.dispatchEvent("change");
    assert.equal(await water.getAttribute("aria-invalid"), "false");
    const saved = JSON.parse((await commune.localStorage())["mucsong.commune.targets"]);
    assert.equal(saved.schema, "mucsong/commune-targets@1");
    assert.equal(saved.targets.water, 97.5);
    await commune.reload();
    await commune.setDate(AS_OF);
    await commune.pick(SAMPLE);
    await commune.figures();
    assert.equal(await commune.byTestId("commune-target-input-water").inputValue(), "97,5");
    await commune.byTestId("commune-targets-reset").click();
    assert.equal(await commune.byTestId("commune-target-input-water").inputValue(), "99");
    assert.deepEqual(await phone.problems(), []);
  });
});

test("bad files get a clear Vietnamese message naming what was expected, and the page keeps working", async () => {
  const text = (await readFile(SAMPLE, "utf8")).replace(/^\uFEFF/, "");
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  // Windows-1258 bytes for "Nông thôn" (ô = 0xF4).
  const legacy = Buffer.concat([Buffer.from("ma_ho;khu_vuc\nh1;N"), Buffer.from([0xf4]), Buffer.from("ng th"), Buffer.from([0xf4]), Buffer.from("n\n")]);
  let state = 11;
  const random = Buffer.from(Array.from({ length: 8192 }, () => ((state = (state * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff));
  const cases = [
    ["utf16.csv", utf16, /UTF-16.*UTF-8/],
    ["legacy.csv", legacy, /không phải mã UTF-8: có vẻ được lưu bằng bảng mã Windows-1258.*từ dòng 2.*CSV UTF-8/],
    ["noise.bin", random, /không phải tệp văn bản|UTF-8/],
    ["empty.csv", Buffer.from("\n\n"), /Tệp trống/],
    ["book.xlsx", Buffer.from("PK\u0003\u0004 a workbook"), /Không đọc được bảng tính/],
    ["old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /Excel cũ \(\.xls/],
  ];
  await withCommune(async (commune, phone) => {
    for (const [name, buffer, pattern] of cases) {
      await commune.pick({ name, mimeType: "text/csv", buffer });
      await commune.fileError().waitFor();
      assert.match(await commune.fileError().innerText(), pattern, name);
    }
    // Required columns missing: the officer is asked for them, naming what is missing.
    await commune.pick({ name: "missing.csv", mimeType: "text/csv", buffer: Buffer.from("ma_ho;khu_vuc;so_nhan_khau\nh1;nong_thon;3\n") });
    const mapping = commune.byTestId("column-mapping");
    await mapping.waitFor();
    assert.match(await mapping.innerText(), /Điểm A \(thu nhập, phiếu B1\) \(diem_a\)[\s\S]*Việc làm \(viec_lam\)/);
    // A column that is not ours is passed over with a note; the rows are read.
    await commune.pick({ name: "extra.csv", mimeType: "text/csv", buffer: Buffer.from(text.replace("ma_ho;", "ma_ho;mau_sac;").replace(/\r\n(xa-ho-\d+);/g, "\r\n$1;;")) });
    assert.equal((await commune.figures()).households, 495);
    assert.match(await commune.byTestId("import-notes").innerText(), /Dòng 1, cột mau_sac: không phải cột của danh sách hộ, bỏ qua/);
    // Semicolons, decimal commas in money, blank lines, and a short row still work.
    const semicolons = "ma_ho;khu_vuc;so_nhan_khau;diem_a;thu_nhap_thang;viec_lam;phu_thuoc;dinh_duong;bhyt;giao_duc_nguoi_lon;di_hoc_tre_em;chat_luong_nha;dien_tich_nha;nuoc_sach;nha_tieu;internet;thiet_bi_thong_tin\n\nh1;nong_thon;4;120;4.000.000,00;1;1;1;0;0;0;0;0;0;0;0;0\nh2;nong_thon;4;120;1,5;1;1;1;0;0;0;0;0;0;0;0;0\n";
    await commune.pick({ name: "semi.csv", mimeType: "text/csv", buffer: Buffer.from(semicolons) });
    const shown = await commune.figures();
    assert.equal(shown.households, 1);
    assert.equal(shown.poor, 1);
    assert.equal(shown.rejected, 1);
    assert.match(await commune.byTestId("commune-errors-table").innerText(), /cột thu_nhap_thang: cần số đồng nguyên .* nhưng gặp "1,5"/);
    assert.deepEqual(await phone.problems(), []);
  });
});

test("a large file shows a moving progress bar, and Stop stops it", async () => {
  const text = (await readFile(SAMPLE, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...rows] = text.split("\r\n").filter(Boolean);
  const big = [header];
  // Each copy with ids of its own: repeated ids would be asked about first.
  for (let i = 0; i < 600; i++) big.push(...rows.map((row) => row.replace(/^xa-ho-/, `xa-${i}-ho-`)));
  await withCommune(async (commune, phone) => {
    await commune.setDate(AS_OF);
    await commune.pick({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(big.join("\n")) });
    const progress = commune.byTestId("commune-progress");
    await progress.waitFor();
    await phone.page.waitForFunction(() => Number(document.querySelector("[data-testid=commune-progress] progress")?.value) > 0);
    await commune.byTestId("commune-cancel").click();
    await commune.byRole("status").filter({ hasText: "Đã dừng" }).waitFor();
    assert.equal(await commune.byTestId("commune-dashboard").count(), 0);
    // The page is ready for the next file.
    await commune.pick(SAMPLE);
    assert.equal((await commune.figures()).households, 495);
    assert.deepEqual(await phone.problems(), []);
  });
});
