//! End-to-end: numbers as Vietnamese write them, on a 360×740 phone — `1.000` m² of land is a thousand, `0,5` is a half, `3 sào` in Lào Cai is Bắc Bộ sào; the value understood is echoed under the field as it is typed; text that does not read stops Continue at its field and stays as typed (screenshot in artifacts/screenshots/).

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launchPhone, REPO_ROOT } from "./support/harness.mjs";
import { QuestionnairePage } from "./pages/questionnaire-page.mjs";
import { RURAL_FOUR } from "./support/households.mjs";

const SHOTS = join(REPO_ROOT, "artifacts", "screenshots");
const NBSP = "\u00a0";
/** An echo as the page writes it: `_` is the no-break space between groups and before the unit. */
const echo = (text) => text.replaceAll("_", NBSP);

let phone;
after(async () => {
  if (phone) await phone.close();
});

test("1.000 m² of land, 0,5 m², 3 sào: echoed as understood; abc stops Continue at its field", async () => {
  phone = await launchPhone();
  const app = await new QuestionnairePage(phone.page).open();
  await app.start({ date: "2026-06-01" });
  await app.completeTo(RURAL_FOUR, { stopAt: "housing" });
  await app.answerScreen(RURAL_FOUR.answers);

  // A decimal comma in a measure.
  const area = app.byTestId("housing.living_area_m2");
  assert.equal(await area.getAttribute("inputmode"), "decimal");
  await area.fill("0,5");
  assert.equal(await app.byTestId("echo-housing.living_area_m2").textContent(), echo("= 0,5_m²"));
  await area.fill("24");
  await app.continue();
  await app.completeTo(RURAL_FOUR, { stopAt: "land" });

  // The thousands dot, typed key by key: the echo follows every keystroke.
  // Land is ticked like the assets: a ticked land asks its area.
  const tick = async (path) => {
    const box = app.byTestId(`${path}=have`);
    if (!(await box.isChecked())) await box.check();
  };
  await tick("land_m2.annual_crops");
  const crops = app.byTestId("land_m2.annual_crops");
  const cropsEcho = app.byTestId("echo-land_m2.annual_crops");
  await crops.fill("");
  await crops.pressSequentially("1.0");
  assert.equal(await cropsEcho.textContent(), echo("= 1_m²"));
  await crops.pressSequentially("00");
  assert.equal(await cropsEcho.textContent(), echo("= 1_000_m²"));
  assert.equal(await cropsEcho.isVisible(), true);

  // Sào in Lào Cai: the Bắc Bộ sào, with the choice beside the field.
  await tick("land_m2.perennial_crops");
  const perennial = app.byTestId("land_m2.perennial_crops");
  assert.equal(await app.byTestId("sao-land_m2.perennial_crops").isVisible(), false);
  await perennial.fill("3 sào");
  assert.equal(await app.byTestId("echo-land_m2.perennial_crops").textContent(), echo("= 1_080_m² (1 sào = 360_m²)"));
  const sao = app.byTestId("sao-land_m2.perennial_crops");
  assert.equal(await sao.isVisible(), true);
  assert.equal(await sao.inputValue(), "sao_bac_bo");
  await sao.selectOption("sao_trung_bo");
  assert.equal(await app.byTestId("echo-land_m2.perennial_crops").textContent(), echo("= 1_500_m² (1 sào = 500_m²)"));
  await sao.selectOption("sao_bac_bo");

  // Text that does not read: refused at the field, and Continue stops there.
  await tick("land_m2.forest");
  const forest = app.byTestId("land_m2.forest");
  await forest.fill("abc");
  assert.equal(await app.byTestId("echo-land_m2.forest").textContent(), "");
  const key = await app.stepKey();
  await app.byTestId("continue").click();
  await phone.page.waitForFunction(() => document.querySelector('[data-testid="step-error"]')?.textContent.trim() !== "");
  assert.equal(await app.stepKey(), key, "abc let the person go on");
  assert.match(await app.byTestId("step-error").textContent(), /Đất rừng/);
  const fieldError = await phone.page.locator('[data-testid="field-land_m2.forest"] .error-line').textContent();
  assert.match(fieldError, /Đất rừng: không thấy số nào trong "abc"/);
  assert.equal(await phone.page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "land_m2.forest");
  assert.equal(await forest.inputValue(), "abc", "the typed text is kept");
  assert.equal(await crops.inputValue(), "1.000");

  // The land screen as a person sees it, echo and sào choice shown, nothing wider than the phone.
  await mkdir(SHOTS, { recursive: true });
  await crops.scrollIntoViewIfNeeded();
  await phone.page.screenshot({ path: join(SHOTS, "numbers-land-360.png") });
  await phone.page.screenshot({ path: join(SHOTS, "numbers-land-360-full.png"), fullPage: true });
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, "the land screen is wider than the phone");

  // Fixed, the person goes on, and the check page shows what was understood.
  await forest.fill("0");
  await app.continue();
  assert.notEqual(await app.stepKey(), key);
  assert.deepEqual(await phone.problems(), []);
});
