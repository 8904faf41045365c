//! Importing what officers already have, end to end: an .xlsx written by hand from its XML (not by the project's libraries) with a merged title row, Vietnamese headers with diacritics and region/area names in words is read in commune mode; its repeated household id is shown and must be resolved before anything is counted; a header the names do not match is picked from the sheet's own columns, and the choice is remembered for the next sheet.

import { test } from "node:test";
import assert from "node:assert/strict";
import { launchPhone } from "./support/harness.mjs";
import { AS_OF, CommunePage } from "./support/commune-page.mjs";
import { xlsx } from "./support/xlsx-writer.mjs";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const INDICATORS = [
  "Việc làm",
  "Người phụ thuộc",
  "Dinh dưỡng",
  "Bảo hiểm y tế",
  "Trình độ giáo dục người lớn",
  "Tình trạng đi học của trẻ em",
  "Chất lượng nhà ở",
  "Diện tích nhà ở",
  "Nguồn nước sinh hoạt",
  "Nhà tiêu hợp vệ sinh",
  "Sử dụng dịch vụ viễn thông",
  "Tiếp cận thông tin",
];

/** A commune's list: title row merged across the table, then the header, then households. */
function communeSheet(membersHeader = "Số nhân khẩu") {
  const header = ["STT", "Mã hộ", "Khu vực", "Vùng", membersHeader, "Điểm B1", ...INDICATORS];
  const row = (n, id, area, region, members, score, deprived) => [n, id, area, region, members, score, ...INDICATORS.map((_, i) => (i < deprived ? 1 : 0))];
  return xlsx({
    rows: [
      ["DANH SÁCH HỘ GIA ĐÌNH RÀ SOÁT NĂM 2026 — THÔN NÀ LẦU"],
      header,
      // Rural, A 120, three deprivations: poor.
      row(1, "NL-01", "Nông thôn", "Trung du và miền núi phía Bắc", 4, 120, 3),
      // Rural, A 138, one deprivation: near-poor.
      row(2, "NL-02", "nông thôn", "trung du mien nui phia bac", 3, 138, 1),
      // The first household again, as a second officer typed it: A 200, not poor.
      row(3, "NL-01", "Nông thôn", "TDMNPB", 4, 200, 0),
      // Urban, A 200: not poor.
      row(4, "NL-03", "Thành thị", "Đồng bằng sông Hồng", 2, 200, 0),
    ],
    merges: [`A1:${String.fromCharCode(65 + header.length - 1)}1`],
  });
}

test("an .xlsx with Vietnamese headers is imported; its repeated id is resolved before counting", async () => {
  const phone = await launchPhone();
  try {
    const commune = await new CommunePage(phone.page).open();
    await commune.setDate(AS_OF);
    await commune.pick({ name: "danh-sach-na-lau.xlsx", mimeType: XLSX_MIME, buffer: communeSheet() });
    const prompt = commune.byTestId("duplicates-prompt");
    await prompt.waitFor();
    // Nothing is counted until the officer decides.
    assert.equal(await commune.byTestId("commune-done").count(), 0);
    const rows = commune.byTestId("duplicate-row");
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().getAttribute("data-id"), "NL-01");
    assert.match(await rows.first().innerText(), /dòng 3, 5/);
    assert.equal(await commune.byTestId("duplicates-continue").isDisabled(), true);
    // The notes name the title row passed over.
    assert.match(await commune.byTestId("import-notes").innerText(), /dòng 1 ở trên dòng tiêu đề 2 được coi là tên bảng/);
    // Replace: the later row (A 200, not poor) stands for NL-01.
    await commune.byTestId("duplicate-choice-0").selectOption("replace");
    await commune.byTestId("duplicates-continue").click();
    const figures = await commune.figures();
    assert.deepEqual(
      { households: figures.households, rejected: figures.rejected, poor: figures.poor, near_poor: figures.near_poor, not_poor: figures.not_poor },
      { households: 3, rejected: 0, poor: 0, near_poor: 1, not_poor: 2 },
    );

    // The same sheet again, keeping the first row instead: NL-01 is poor.
    await commune.pick({ name: "danh-sach-na-lau.xlsx", mimeType: XLSX_MIME, buffer: communeSheet() });
    await prompt.waitFor();
    await commune.byTestId("duplicates-all-skip").click();
    await commune.byTestId("duplicates-continue").click();
    const again = await commune.figures();
    assert.deepEqual([again.households, again.poor, again.near_poor, again.not_poor], [3, 1, 1, 1]);
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});

test("a header the names do not match is picked from the sheet's columns, and remembered", async () => {
  const phone = await launchPhone();
  try {
    const commune = await new CommunePage(phone.page).open();
    await commune.setDate(AS_OF);
    const sheet = communeSheet("Nhân số (người)");
    await commune.pick({ name: "ds.xlsx", mimeType: XLSX_MIME, buffer: sheet });
    const mapping = commune.byTestId("column-mapping");
    await mapping.waitFor();
    assert.match(await mapping.innerText(), /Số nhân khẩu \(so_nhan_khau\)/);
    assert.equal(await commune.byTestId("mapping-apply").isDisabled(), true);
    await commune.byTestId("mapping-members").selectOption({ label: "Nhân số (người) (E)" });
    await commune.byTestId("mapping-apply").click();
    await commune.byTestId("duplicates-prompt").waitFor();
    await commune.byTestId("duplicates-all-keep_both").click();
    await commune.byTestId("duplicates-continue").click();
    const figures = await commune.figures();
    // Both NL-01 rows are kept: four households.
    assert.equal(figures.households, 4);
    // Next time the same header is read without asking.
    await commune.pick({ name: "ds.xlsx", mimeType: XLSX_MIME, buffer: sheet });
    await commune.byTestId("duplicates-prompt").waitFor();
    assert.equal(await mapping.count(), 0);
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});
