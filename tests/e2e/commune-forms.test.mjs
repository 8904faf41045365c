//! Commune mode's forms workbench end to end: Thôn Nà Lầu (the commune crate's hand-computed village) is imported with its details sheet and last year's list; Mẫu 6.1 and Mẫu 7.1 show the numbers of expected.toml; the heading typed is printed and kept on the device; the .xlsx downloads are zip files whose worksheets hold those numbers; printing shows only the form, on its A4 page; the form fits a 360 px phone (screenshots in artifacts/screenshots/).

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launchPhone, REPO_ROOT } from "./support/harness.mjs";
import { AS_OF, CommunePage, FormsWorkbench, unzip, VILLAGE, villageExpected } from "./support/commune-page.mjs";

const SHOTS = join(REPO_ROOT, "artifacts/screenshots");

/** The pages' sizes in points ([width, height], rounded) of a PDF Chromium printed: its /MediaBox entries. */
function pageSizes(pdf) {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

/** Opens commune mode at `viewport`, imports the village with its two sheets, and hands over the workbench. */
async function withVillage(viewport, body) {
  const phone = await launchPhone({ viewport });
  try {
    const commune = await new CommunePage(phone.page).open();
    await commune.setDate(AS_OF);
    await commune.pick(join(VILLAGE, "households.jsonl"));
    const figures = await commune.figures();
    assert.equal(figures.households, 30);
    const forms = new FormsWorkbench(commune);
    // Made on demand (a large file is not assessed again unless asked); without last year's list
    // there is no Mẫu 6.2, 7.2 or 7.3, and the page says so.
    await forms.build();
    assert.equal(await forms.byTestId("form-pick-6_2").count(), 0);
    assert.equal(await forms.byTestId("form-pick-7_2").count(), 0);
    assert.match(await forms.byTestId("forms-workbench").innerText(), /Mẫu 6\.2, 7\.2 và 7\.3 cần danh sách năm trước/);
    // Attaching the sheets makes the forms again with them.
    await forms.attach({ details: join(VILLAGE, "households.csv"), previous: join(VILLAGE, "previous.csv") });
    await forms.byTestId("form-pick-6_2").waitFor();
    await forms.byTestId("form-pick-7_3").waitFor();
    await body(forms, commune, phone);
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
}

test("Mẫu 6.1 and Mẫu 7.1 show the village's hand-computed numbers, with the heading typed and kept", async () => {
  const poor = await villageExpected("form_6_1", "poor");
  const nearPoor = await villageExpected("form_6_1", "near_poor");
  const nTotal = await villageExpected("form_6_1", "n_total");
  const e71 = {};
  for (const key of ["n_households", "n_persons", "n_poor", "n_near_poor", "poor_rate_percent", "near_poor_rate_percent"]) {
    e71[key] = await villageExpected("form_7_1", key);
  }
  await withVillage({ width: 1280, height: 800 }, async (forms, commune, phone) => {
    await forms.setHeading("province", "Cao Bằng");
    await forms.setHeading("commune", "Tân Lập");
    await forms.setHeading("year", "2026");
    const village = forms.byTestId("heading-village").first();
    assert.equal(await village.inputValue(), "Nà Lầu");
    await village.fill("Nà Lầu (Bản Chang)");
    await village.dispatchEvent("change");

    const sheet61 = await forms.open("6_1");
    assert.match(await sheet61.innerText(), /DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU KHI RÀ SOÁT/);
    assert.match(await sheet61.innerText(), /Mẫu số 6\.1 - Phụ lục VI/);
    assert.match(await sheet61.innerText(), /UBND xã\/phường\/thị trấn Tân Lập/);
    assert.match(await sheet61.innerText(), /Thôn\/bản\/ấp Nà Lầu \(Bản Chang\)/);
    assert.match(await sheet61.innerText(), /ngày \.\.\. tháng \.\.\. năm 2026/);
    assert.match(await sheet61.innerText(), /NGƯỜI LẬP BIỂU[\s\S]*XÁC NHẬN CỦA TRƯỞNG THÔN/);
    const rows = await forms.rows();
    const items = rows.filter((r) => r.kind === "item");
    assert.equal(items.length, poor.length + nearPoor.length);
    const parts = rows.filter((r) => r.kind === "part").map((r) => [r.cells[0], r.cells[1], r.cells[4]]);
    assert.deepEqual(parts, [
      ["I.", "Hộ nghèo", `${poor.length} hộ`],
      ["II.", "Hộ cận nghèo", `${nearPoor.length} hộ`],
      ["III.", "Tổng cộng (I + II)", `${nTotal} hộ`],
    ]);
    // expected.toml's heads: Nông Thị Lan is poor no. 8, Hoàng Văn Khánh near-poor no. 1.
    assert.deepEqual(rows[8].cells, ["8", "Nông Thị Lan", "2", "01/01/1950", "Thôn Nà Lầu"]);
    assert.deepEqual(rows[poor.length + 2].cells, ["1", "Hoàng Văn Khánh", "1", "01/05/1980", "Thôn Nà Lầu"]);
    // The undetermined household is named beside the form, not in it.
    assert.match(await sheet61.locator(".form-notes").innerText(), /1 hộ chưa xác định được.*nl-29/);
    await mkdir(SHOTS, { recursive: true });
    await sheet61.screenshot({ path: join(SHOTS, "commune-form-6-1-1280.png") });

    const sheet71 = await forms.open("7_1");
    const text71 = await sheet71.innerText();
    assert.match(text71, /TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO/);
    assert.match(text71, /Tỉnh, thành phố: Cao Bằng/);
    assert.match(text71, /Năm rà soát: 2026/);
    const rows71 = await forms.rows();
    const comma = (x) => x.toFixed(2).replace(".", ",");
    assert.deepEqual(rows71.at(-1).cells, [
      "III",
      "Tổng cộng (I + II)",
      String(e71.n_households),
      String(e71.n_persons),
      String(e71.n_poor),
      comma(e71.poor_rate_percent),
      String(e71.n_near_poor),
      comma(e71.near_poor_rate_percent),
    ]);
    // The village's row under II (rural) carries the same numbers and the name typed.
    assert.deepEqual(rows71[2].cells.slice(0, 3), ["1", "Nà Lầu (Bản Chang)", String(e71.n_households)]);
    await sheet71.screenshot({ path: join(SHOTS, "commune-form-7-1-1280.png") });

    // Kept on the device: the heading, and nothing of the households.
    const stored = await commune.localStorage();
    const heading = JSON.parse(stored["mucsong.commune.heading"]);
    assert.equal(heading.commune, "Tân Lập");
    assert.equal(heading.villages["Nà Lầu"], "Nà Lầu (Bản Chang)");
    assert.ok(!JSON.stringify(stored).includes("Nông Thị Lan"));

    // The .xlsx of this form: a zip whose one worksheet holds the totals as numbers.
    const one = await commune.download("form-xlsx");
    assert.equal(one.name, "households-mau-7-1.xlsx");
    assert.deepEqual([...one.bytes.subarray(0, 2)], [0x50, 0x4b], "PK: a zip file");
    const entries = unzip(one.bytes);
    const sheetXml = entries.get("xl/worksheets/sheet1.xml").toString("utf8");
    assert.ok(sheetXml.includes(`<v>${e71.n_households}</v>`), "households in the worksheet");
    assert.ok(sheetXml.includes(`<v>${e71.n_persons}</v>`), "persons in the worksheet");
    assert.ok(sheetXml.includes(`<v>${e71.n_poor}</v>`), "poor households in the worksheet");
    assert.ok(sheetXml.includes('paperSize="9"'), "A4");
    assert.match(entries.get("xl/sharedStrings.xml").toString("utf8"), /Tỉnh, thành phố: Cao Bằng/);
    assert.match(entries.get("xl/workbook.xml").toString("utf8"), /name="Mẫu 7\.1"/);

    // Every form in one workbook: one worksheet per form, 6.1's with the village's households.
    const all = await commune.download("forms-xlsx-all");
    assert.equal(all.name, "households-bieu-mau.xlsx");
    const book = unzip(all.bytes);
    const worksheets = [...book.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    assert.equal(worksheets.length, 10);
    assert.match(book.get("xl/sharedStrings.xml").toString("utf8"), /Nông Thị Lan/);
    assert.ok(book.get("xl/worksheets/sheet1.xml").toString("utf8").includes(`<v>${poor.length}</v>`) || book.get("xl/sharedStrings.xml").toString("utf8").includes(`${poor.length} hộ`));
  });
});

test("printing a form shows only that form, on A4 portrait or landscape", async () => {
  await withVillage({ width: 1280, height: 800 }, async (forms, commune, phone) => {
    const page = phone.page;
    // The print dialog cannot be answered headless: keep the marks it leaves on the root.
    await page.evaluate(() => {
      window.print = () => {};
    });
    await forms.open("7_1");
    await forms.byTestId("form-print").click();
    assert.equal(await page.evaluate(() => document.documentElement.className), "printing-form");
    await page.emulateMedia({ media: "print" });
    const sheet = page.locator('[data-testid="form-sheet"]');
    assert.ok(await sheet.isVisible(), "the form is printed");
    for (const hidden of [".top-bar", '[data-testid="commune-drop-zone"]', ".form-picker", ".heading-fields", '[data-testid="form-print"]', "#commune-classes-title", '[data-testid="commune-export-results-csv"]']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await sheet.evaluate((e) => getComputedStyle(e).page), "form-portrait");
    await page.screenshot({ path: join(SHOTS, "commune-form-7-1-print.png"), fullPage: true });
    // Only the form's text is on the printed page.
    const printed = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(printed, /Mức Sống|In biểu này|Xuất kết quả/);
    assert.match(printed, /TỔNG HỢP KẾT QUẢ RÀ SOÁT/);
    // Chromium's own print to PDF, with the page size the styles ask for: A4 portrait, one page.
    const portrait = pageSizes(await page.pdf({ preferCSSPageSize: true }));
    assert.deepEqual(portrait, [[595, 842]]);

    // A wide form prints landscape.
    await page.emulateMedia({ media: "screen" });
    await forms.open("7_4");
    await forms.byTestId("form-print").click();
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator('[data-testid="form-sheet"]').evaluate((e) => getComputedStyle(e).page), "form-landscape");
    assert.match(await page.evaluate(() => document.documentElement.className), /printing-landscape/);
    const landscape = pageSizes(await page.pdf({ preferCSSPageSize: true }));
    assert.ok(landscape.length >= 1);
    for (const size of landscape) assert.deepEqual(size, [842, 595], "A4 landscape");
    // When printing is over the page is itself again.
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    assert.equal(await page.evaluate(() => document.documentElement.className), "");
    // The dashboard's own print leaves the workbench out.
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator('[data-testid="form-sheet"]').isVisible(), false);
    assert.ok(await page.locator("#commune-classes-title").isVisible());
    await page.emulateMedia({ media: "screen" });
  });
});

test("a form fits a 360 px phone: the table scrolls inside its frame", async () => {
  await withVillage({ width: 360, height: 740 }, async (forms, commune, phone) => {
    await forms.open("7_2");
    assert.ok(await commune.fitsViewportWidth(), "expected no sideways scrolling of the page at 360 px");
    const rows = await forms.rows();
    // Mẫu 7.2 has a Hộ and a Nhân khẩu row per block and village.
    assert.equal(rows[0].cells[2], "Hộ");
    assert.equal(rows[1].cells[2], "Nhân khẩu");
    await forms.open("6_1");
    assert.ok(await commune.fitsViewportWidth());
    await mkdir(SHOTS, { recursive: true });
    const sheet = forms.page.locator('[data-testid="form-sheet"]');
    await sheet.scrollIntoViewIfNeeded();
    await phone.page.screenshot({ path: join(SHOTS, "commune-form-6-1-360.png") });
    await sheet.screenshot({ path: join(SHOTS, "commune-form-6-1-360-whole.png") });

    // A last year's list that does not read is named, line and column, in Vietnamese; the forms
    // are made again without it.
    const bad = join(REPO_ROOT, "artifacts/previous-bad.csv");
    await writeFile(bad, "id,village,area,class,members,earlier\nnl-01,Nà Lầu,rural,poor,4,\nnl-02,Nà Lầu,rural,ngheo,5,\n");
    await forms.attach({ previous: bad });
    const error = forms.byTestId("forms-sheet-error");
    await error.waitFor();
    assert.match(await error.innerText(), /previous-bad\.csv: dòng 3, cột class: cần poor, near_poor hoặc not_poor, nhưng gặp “ngheo”/);
    await forms.byTestId("form-pick-6_2").waitFor({ state: "detached" });
    assert.equal(await forms.byTestId("form-pick-6_1").count(), 1);
  });
});
