//! End-to-end: the household questionnaire on a 360×740 phone — a full rural household, an urban household with one decisive "don't know", a reload mid-way, export/import, and a corrupt stored record.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launchPhone, REPO_ROOT } from "./support/harness.mjs";
import { QuestionnairePage } from "./pages/questionnaire-page.mjs";
import { SavedPage } from "./pages/saved-page.mjs";
import { NO_ASSETS, NO_EXCLUSIONS, RURAL_FOUR } from "./support/households.mjs";

const SHOTS = join(REPO_ROOT, "artifacts", "screenshots");

/** An urban household of two in Hà Nội whose car count is unknown — the one answer that decides. */
const URBAN_TWO_CAR_UNKNOWN = {
  answers: {
    area: "urban", province: "Hà Nội", agricultural_household: "false", ...NO_EXCLUSIONS,
    "housing.wall": "brick_stone", "housing.column": "none", "housing.roof": "metal_sheet", "housing.living_area_m2": "14",
    water: "other", latrine: "other", electricity_kwh_per_month: "60",
    ...NO_ASSETS, "assets.car": "dont_know", "assets.motorbike": 0, "assets.phone": 1,
    "land_m2.garden_pond_adjacent": "0", "land_m2.annual_crops": "0", "land_m2.perennial_crops": "0",
    "land_m2.water_surface": "0", "land_m2.forest": "0",
    "livestock.buffalo_cow_horse": 0, "livestock.pig_goat_sheep": 0, "livestock.poultry": 0, "livestock.aquaculture": "false",
    income_mode: "monthly", "income.monthly_vnd": "3000000", waste: "collected",
  },
  members: [
    { birth_date: "1990-02-10", sex: "male", health_insurance: "false", state_funded_insurance: "false", uses_internet: "false",
      general_education: "lower_secondary", vocational_training: "none", work_status: "working", job_type: "other",
      nonfarm_work: "hired_or_own_business", monthly_social_allowance: "none", pension: "none", critical_illness: "false" },
    { birth_date: "1950", sex: "female", health_insurance: "true", uses_internet: "false", general_education: "none",
      vocational_training: "none", work_status: "retired_or_homemaker", nonfarm_work: "none",
      monthly_social_allowance: "elderly", pension: "none", critical_illness: "false" },
  ],
};

let phone;
let app;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  if (phone) await phone.close();
});

async function freshPhone() {
  if (phone) await phone.close();
  phone = await launchPhone();
  app = await new QuestionnairePage(phone.page).open();
  return app;
}

test("a rural household of four completes the questionnaire and is assessed poor with its deprivations", async () => {
  await freshPhone();
  assert.equal(await app.lang(), "vi");
  await phone.page.screenshot({ path: join(SHOTS, "01-start.png"), fullPage: true });
  // The start button is on the first screenful of a 360×740 phone, without scrolling.
  const startBox = await app.byTestId("start").boundingBox();
  assert.ok(startBox && startBox.y + startBox.height <= 740, `the start button ends at ${startBox?.y + startBox?.height} px`);
  await app.start({ date: "2026-06-01", name: "Nhà anh Hùng" });
  let shotQuestion = false;
  await app.completeTo(RURAL_FOUR, {
    onScreen: async (key) => {
      assert.ok(await app.fitsViewportWidth(), `screen ${key} is wider than the phone`);
      if (key === "housing" && !shotQuestion) {
        shotQuestion = true;
        await phone.page.screenshot({ path: join(SHOTS, "02-question-housing.png"), fullPage: true });
      }
      if (key === "member:0:work") await phone.page.screenshot({ path: join(SHOTS, "03-question-member-work.png"), fullPage: true });
    },
  });
  // Adults were not asked about school, children not about work: the check page lists only
  // what was asked.
  const check = await app.byTestId("check-page").textContent();
  assert.equal(await app.byTestId("check-member:3:work").count(), 0);
  assert.equal(await app.byTestId("check-member:3:person").count(), 1);
  assert.match(await app.byTestId("check-member:3:person").textContent(), /Chiều cao/);
  assert.doesNotMatch(await app.byTestId("check-member:0:person").textContent(), /Chiều cao|Đang đi học/);
  assert.ok(check.length > 0);
  await phone.page.screenshot({ path: join(SHOTS, "04-check.png"), fullPage: true });
  await app.byTestId("see-result").click();
  await app.byTestId("result-page").waitFor();
  await phone.page.screenshot({ path: join(SHOTS, "05-result.png"), fullPage: true });
  assert.equal(await app.verdictClass(), "poor");
  assert.match(await app.verdictText(), /hộ nghèo/);
  // The first screen holds the verdict and why, in three lines; the details are folded below.
  const why = app.byTestId("why").first();
  assert.match(await why.textContent(), /Điểm mức sống.*Thiếu hụt 8\/12 chỉ số.*Việc nên làm/s);
  const bottom = await why.evaluate((el) => el.getBoundingClientRect().bottom);
  assert.ok(bottom <= 740, `the three lines end at ${bottom} px, below the first screen`);
  await phone.page.screenshot({ path: join(SHOTS, "05a-result-first-screen.png") });
  assert.deepEqual(await app.indicatorStatuses(), {
    employment: "deprived", dependants: "not_deprived", nutrition: "not_deprived", health_insurance: "deprived",
    adult_education: "not_deprived", child_schooling: "deprived", housing_quality: "deprived", housing_area: "deprived",
    water: "deprived", sanitation: "deprived", internet: "deprived", information_devices: "not_deprived",
  });
  // 4,000,000 đ a month for 4 people = 1,000,000 đ each, 500,000 đ under the rural line.
  assert.match(await app.byTestId("income-distance").first().textContent(), /500\.000\sđ/);
  // Assessed in 2026: the same household under 2027-2030, marked provisional.
  assert.equal(await app.byTestId("comparison-2027").count(), 1);
  assert.match(await app.byTestId("comparison-2027").textContent(), /tạm tính/);
  assert.deepEqual(await phone.problems(), []);
});

test("assessed in 2027, the household is shown under the new standard and under the review method its commune's lists were made with", async () => {
  await freshPhone();
  await app.start({ date: "2027-03-01" });
  await app.completeTo(RURAL_FOUR);
  await app.byTestId("see-result").click();
  await app.byTestId("result-page").waitFor();
  assert.match(await app.byTestId("edition-line").first().textContent(), /2027-2030.*tạm tính/s);
  const review = app.byTestId("comparison-review");
  assert.equal(await review.count(), 1);
  const text = await review.textContent();
  assert.match(text, /rà soát 2022-2025/);
  assert.match(text, /31\/12\/2026/);
  // Score A and the 12 indicators of the 2022-2025 forms still class this household poor.
  assert.equal(await review.getByTestId("verdict").getAttribute("data-class"), "poor");
  assert.equal(await app.byTestId("comparison-2027").count(), 0);
  await phone.page.screenshot({ path: join(SHOTS, "05b-result-2027.png"), fullPage: true });
  assert.deepEqual(await phone.problems(), []);
});

test("printed from the browser's menu, the sheet names the household and its address and holds every answer", async () => {
  await freshPhone();
  await app.start({ date: "2026-06-01", name: "Hoàng Văn Minh, thôn Nà Phặc, xã Hữu Lũng" });
  await app.completeTo(RURAL_FOUR);
  await app.byTestId("see-result").click();
  await app.byTestId("result-page").waitFor();
  assert.equal(await app.byTestId("print-identity").isVisible(), false, "on screen the heading says enough");
  // What the browser's menu does: print media, with no click on the app's print button.
  await phone.page.emulateMedia({ media: "print" });
  const identity = app.byTestId("print-identity");
  assert.ok(await identity.isVisible());
  assert.match(await identity.textContent(), /Hoàng Văn Minh, thôn Nà Phặc, xã Hữu Lũng.*01\/06\/2026/);
  const rows = app.byTestId("answers-summary").locator(".answer-row");
  assert.ok((await rows.count()) > 20, "the answers are in the printout");
  assert.ok(await rows.first().isVisible(), "folded answers print open");
  assert.equal(await app.byTestId("print").isVisible(), false);
  await phone.page.pdf({ path: join(SHOTS, "result-print.pdf"), format: "A4" });
  await phone.page.emulateMedia({ media: "screen" });
  const saved = await new SavedPage(phone.page).show();
  // Each card says what the estimate is, and for which day.
  assert.match(await saved.byTestId("saved-verdict").textContent(), /hộ nghèo.*01\/06\/2026/);
  assert.deepEqual(await phone.problems(), []);
});

test("an urban household answering don't know to the decisive question sees the range and what settles it", async () => {
  await freshPhone();
  await app.start({ date: "2026-06-01" });
  await app.completeTo(URBAN_TWO_CAR_UNKNOWN);
  await app.byTestId("see-result").click();
  await app.byTestId("result-page").waitFor();
  assert.equal(await app.verdictClass(), "undetermined");
  const verdict = await app.verdictText();
  assert.match(verdict, /hộ nghèo/);
  assert.match(verdict, /không nghèo/);
  assert.match(await app.byTestId("depends-on").first().textContent(), /Ô tô/);
  await phone.page.screenshot({ path: join(SHOTS, "06-result-range.png"), fullPage: true });
  // The answer named is a button to the question that settles it, with focus on it; answering
  // it and pressing Continue comes back to the settled result.
  await app.byTestId("depends-on").first().getByRole("button", { name: /Ô tô/ }).click();
  await app.page.waitForSelector('[data-testid="step-assets"]');
  assert.equal(await app.byTestId("assets.car=dont_know").isChecked(), true);
  // Focus is on the answer to change, not on the screen's heading.
  await app.page.waitForFunction(() => document.activeElement?.dataset.testid === "assets.car=dont_know");
  await app.byTestId("assets.car=dont_know").uncheck();
  await app.answer("assets.car", "0");
  await app.byTestId("continue").click();
  await app.byTestId("result-page").waitFor();
  assert.notEqual(await app.verdictClass(), "undetermined");
  assert.deepEqual(await phone.problems(), []);
});

test("a reload in the middle of the questionnaire keeps every answer, even one that does not parse", async () => {
  await freshPhone();
  await app.start({ date: "2026-06-01", name: "Reload" });
  await app.completeTo(RURAL_FOUR, { stopAt: "housing" });
  // A floor area in sào (land's unit, not a house's): "24m2" now reads, as 24 m².
  await app.answer("housing.living_area_m2", "24 sào");
  assert.match(await app.byTestId("field-housing.living_area_m2").textContent(), /24 sào/);
  await app.reload();
  assert.equal(await app.stepKey(), "housing");
  assert.equal(await app.byTestId("housing.living_area_m2").inputValue(), "24 sào");
  // The error line names the field, what was found and what may be written.
  assert.match(await app.byTestId("field-housing.living_area_m2").textContent(), /Diện tích ở: chưa hiểu chữ "sào" trong "24 sào"\. Sau số có thể viết: m²/);
  await app.answer("housing.living_area_m2", "24");
  await app.completeTo(RURAL_FOUR);
  const check = await app.byTestId("check-page").textContent();
  for (const expected of ["Lào Cai", "Anh Hùng", "Chị Mai", "1984", "24 m²", "4.000.000\u00a0đ"]) {
    assert.ok(check.includes(expected), `check page lost ${expected}`);
  }
  assert.deepEqual(await phone.problems(), []);
});

test("export then import round-trips the households, and a bad file changes nothing", async () => {
  await freshPhone();
  await app.start({ date: "2026-06-01", name: "thon-3-ho-17" });
  await app.completeTo(RURAL_FOUR);
  const saved = await new SavedPage(phone.page).show();
  assert.deepEqual(await saved.names(), ["thon-3-ho-17"]);
  await phone.page.screenshot({ path: join(SHOTS, "08-saved.png"), fullPage: true });
  const exported = await saved.exportAll();
  const lines = exported.text.trim().split("\n");
  assert.equal(lines.length, 1);
  const record = JSON.parse(lines[0]);
  assert.equal(record.schema, "mucsong/household@1");
  assert.equal(record.id, "thon-3-ho-17");
  assert.equal(record.members.length, 4);

  // A bad file: clear message naming line and field, nothing changed.
  const bad = `${lines[0]}\n{"schema":"mucsong/household@1","members":[{"birth_date":"2090"}]}\n`;
  const message = await saved.importText("bad.jsonl", bad);
  assert.match(message, /Dòng 2/);
  assert.match(message, /members\[0\]\.birth_date/);
  assert.deepEqual(await saved.names(), ["thon-3-ho-17"]);

  await saved.deleteEverything();
  assert.equal(await saved.byTestId("no-saved").count(), 1);
  assert.match(await saved.importText("all.jsonl", exported.text), /Đã nhập 1 hộ/);
  assert.deepEqual(await saved.names(), ["thon-3-ho-17"]);
  const again = await saved.exportAll();
  assert.deepEqual(JSON.parse(again.text.trim()), record);
  // The same file again: the person is asked, never doubled silently.
  assert.match(await saved.importDuplicates("all.jsonl", exported.text), /đã lưu ở đây rồi: thon-3-ho-17/);
  await saved.byTestId("import-cancel").click();
  assert.equal(await saved.byTestId("import-duplicates").count(), 0);
  assert.deepEqual(await saved.names(), ["thon-3-ho-17"]);
  await saved.importDuplicates("all.jsonl", exported.text);
  await saved.byTestId("import-replace").click();
  await saved.byTestId("import-message").getByText(/Đã nhập 1 hộ/).waitFor();
  assert.deepEqual(await saved.names(), ["thon-3-ho-17"], "replaced in place");
  await saved.importDuplicates("all.jsonl", exported.text);
  await saved.byTestId("import-keep-both").click();
  await saved.byTestId("import-message").getByText(/Đã nhập 1 hộ/).waitFor();
  assert.deepEqual(await saved.names(), ["thon-3-ho-17", "thon-3-ho-17"], "kept both when asked");
  // The imported household opens on the check page and gives the same result.
  await saved.byTestId("open").first().click();
  await app.byTestId("see-result").click();
  assert.equal(await app.verdictClass(), "poor");
  assert.deepEqual(await phone.problems(), []);
});

test("the start page names the standard in force on the chosen date, with its income lines from the rule data", async () => {
  await freshPhone();
  const note = app.byTestId("standard-note");
  await app.startDate().fill("2025-06-01");
  assert.match(await note.textContent(), /1\.500\.000.*2\.000\.000/s);
  await app.startDate().fill("2026-12-31");
  assert.match(await note.textContent(), /2\.200\.000.*2\.800\.000/s, "2026 announces the 2027-2030 lines");
  await app.startDate().fill("2027-01-01");
  const text = await note.textContent();
  assert.match(text, /2\.200\.000.*2\.800\.000/s);
  assert.match(text, /tạm tính/, "2027-2030 is marked provisional");
  assert.doesNotMatch(text, /\{(rural|urban)\}/);
});

test("a corrupt stored record is set aside with a message and the app keeps working", async () => {
  await freshPhone();
  await app.start({ date: "2026-06-01", name: "Good" });
  await app.completeTo(RURAL_FOUR, { stopAt: "place" });
  await phone.page.evaluate(() => {
    localStorage.setItem("mucsong.household.hbroken", '{"envelope":1,"name":"Broken","rec');
    localStorage.setItem("mucsong.current", "hbroken");
  });
  await app.reload();
  await app.byTestId("set-aside-banner").waitFor();
  // Nothing open: the start page works, and the good household is still listed.
  await app.byTestId("start-page").waitFor();
  const saved = await new SavedPage(phone.page).show();
  assert.deepEqual(await saved.names(), ["Good"]);
  assert.equal(await saved.byTestId("set-aside").count(), 1);
  assert.match(await saved.byTestId("set-aside").textContent(), /không đọc được|hỏng/);
  const stored = await saved.localStorage();
  assert.ok(stored["mucsong.set_aside.hbroken"], "the broken record is kept aside, not deleted");
  await saved.byTestId("open").click();
  assert.equal(await app.stepKey(), "place");
  assert.deepEqual(await phone.problems(), []);
});

test("at 320 px with the text enlarged nothing overflows, no word breaks, targets stay large, and English is complete", async () => {
  if (phone) await phone.close();
  phone = await launchPhone({ viewport: { width: 320, height: 640 } });
  app = await new QuestionnairePage(phone.page).open();
  // Android's "font size: largest" roughly doubles the root size.
  const enlarge = () => phone.page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
  await enlarge();
  assert.ok(await app.fitsViewportWidth(), "start page overflows at 320 px");
  // This run moves on with the keyboard (Continue focused, Enter), as a keyboard user would.
  app.keyboard = true;
  await app.start({ date: "2026-06-01" });
  await app.completeTo(RURAL_FOUR, {
    stopAt: "housing",
    onScreen: async (key) => {
      assert.ok(await app.fitsViewportWidth(), `screen ${key} overflows at 320 px with large text`);
      assert.deepEqual(await app.brokenWords(), [], `screen ${key}: words broken inside at 320 px with large text`);
    },
  });
  await phone.page.screenshot({ path: join(SHOTS, "07-question-320-large-text.png"), fullPage: true });
  // Every button and choice is at least 44 px tall.
  const small = await phone.page.evaluate(() =>
    [...document.querySelectorAll("button, .option, .dont-know-box, select, input.text-input")]
      .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(small, []);
  // Every form control has an accessible name.
  const unlabelled = await phone.page.evaluate(() =>
    [...document.querySelectorAll("input, select")].filter((e) => !e.labels?.length && !e.getAttribute("aria-label")).map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unlabelled, []);
  // English: the choice is remembered; the same screen reads in English with no raw keys.
  await phone.page.evaluate(() => localStorage.setItem("mucsong.locale", "en"));
  await app.reload();
  // The page opens in Vietnamese and switches once its English texts have downloaded.
  await app.waitForLang("en");
  assert.equal(await app.stepKey(), "housing");
  assert.match(await phone.page.locator("h1").textContent(), /The house/);
  assert.match(await phone.page.locator("main").textContent(), /walls made of/);
  await enlarge();
  assert.deepEqual(await app.brokenWords(), [], "English words broken inside at 320 px with large text");
  const body = await phone.page.locator("main").textContent();
  assert.doesNotMatch(body, /\b(q|opt|step|err|h)_[a-z_]+/);
  assert.deepEqual(await phone.problems(), []);
});
