//! End-to-end: "which of these does the household have?" on a 360×740 phone — tick the motorbike and the phone, leave the rest, Continue: the check page and the result read the others as 0, not unknown; a reload shows the same ticks; the roof and wall lists name rural materials with their class and keep what was chosen; at 320 px with 200 % text nothing overflows and no word breaks.

import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launchPhone, REPO_ROOT } from "./support/harness.mjs";
import { QuestionnairePage } from "./pages/questionnaire-page.mjs";
import { RURAL_FOUR } from "./support/households.mjs";

const SHOTS = join(REPO_ROOT, "artifacts", "screenshots");

/** The rural household of four, with no asset answered: the spec ticks them by hand. */
const WITHOUT_ASSETS = {
  ...RURAL_FOUR,
  answers: Object.fromEntries(Object.entries(RURAL_FOUR.answers).filter(([path]) => !path.startsWith("assets."))),
};

let phone;
let app;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  if (phone) await phone.close();
});

/** The rows of one screen's group on the check page: `{question: [answer, state]}`. */
async function checkRows(key) {
  return phone.page.evaluate((key) => {
    const out = {};
    for (const row of document.querySelectorAll(`[data-testid="check-${key}"] .answer-row`)) {
      const state = [...row.classList].find((c) => c !== "answer-row");
      out[row.querySelector("dt").textContent] = [row.querySelector("dd").textContent, state];
    }
    return out;
  }, key);
}

test("tick the motorbike and the phone, leave the rest: the others are 0, not unknown", async () => {
  phone = await launchPhone();
  app = await new QuestionnairePage(phone.page).open();
  await app.start({ date: "2026-06-01", name: "Nhà anh Hùng" });
  await app.completeTo(WITHOUT_ASSETS, { stopAt: "assets" });
  // Nothing ticked, nothing "don't know" yet.
  assert.equal(await app.byTestId("checklist").count(), 1);
  assert.equal(await app.byTestId("assets.motorbike").count(), 0, "no count box before the tick");
  await app.byTestId("assets.motorbike=have").check();
  assert.equal(await app.byTestId("assets.motorbike").inputValue(), "1", "a tick counts 1");
  assert.equal(await app.byTestId("assets.car=dont_know").isChecked(), false);
  assert.ok(await app.fitsViewportWidth());
  // Tap targets: every tick and "don't know" is at least 48 px tall.
  const small = await phone.page.evaluate(() =>
    [...document.querySelectorAll(".tick-item .option, .tick-item input.text-input")]
      .filter((e) => e.getBoundingClientRect().height < 48)
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(small, []);
  await app.byTestId("assets.phone=have").check();
  await phone.page.screenshot({ path: join(SHOTS, "ticks-01-assets-360.png"), fullPage: true });
  await app.continue();
  // Back to the assets: the same ticks, the others now "none".
  await phone.page.goBack();
  await app.page.waitForSelector('[data-testid="step-assets"]');
  assert.equal(await app.byTestId("assets.motorbike=have").isChecked(), true);
  assert.equal(await app.byTestId("assets.car=have").isChecked(), false);
  // A reload shows the same ticks.
  await app.reload();
  assert.equal(await app.stepKey(), "assets");
  assert.equal(await app.byTestId("assets.motorbike=have").isChecked(), true);
  assert.equal(await app.byTestId("assets.motorbike").inputValue(), "1");
  await app.completeTo(WITHOUT_ASSETS);
  for (const group of ["assets"]) {
    const rows = await checkRows(group);
    assert.ok(Object.keys(rows).length >= 15, `${group}: ${JSON.stringify(rows)}`);
    for (const [question, [answer, state]] of Object.entries(rows)) {
      assert.equal(state, "answered", `${group}: ${question} is ${answer}`);
      const expected = /^Xe máy|^Điện thoại/.test(question) ? "1" : "0";
      assert.equal(answer, expected, `${group}: ${question}`);
    }
  }
  await phone.page.screenshot({ path: join(SHOTS, "ticks-02-check-360.png"), fullPage: true });
  await app.byTestId("see-result").click();
  await app.byTestId("result-page").waitFor();
  // The same household as questionnaire.test.mjs's, whose counts were typed: the same verdict,
  // and no asset among the answers it depends on.
  assert.equal(await app.verdictClass(), "poor");
  assert.equal(await app.byTestId("depends-on").count(), 0);
  assert.deepEqual(await phone.problems(), []);
});

test("rural roofs and walls are listed with their class and kept as chosen; 320 px at 200 % text", async () => {
  if (phone) await phone.close();
  phone = await launchPhone({ viewport: { width: 320, height: 640 } });
  app = await new QuestionnairePage(phone.page).open();
  const enlarge = () => phone.page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
  await enlarge();
  // As questionnaire.test.mjs's large-text run: Continue with the keyboard (focus it, Enter).
  app.keyboard = true;
  await app.start({ date: "2026-06-01" });
  const household = {
    ...WITHOUT_ASSETS,
    answers: { ...WITHOUT_ASSETS.answers, "housing.wall": "earth", "housing.roof": "fibro_cement" },
  };
  const fits = async (key) => {
    assert.ok(await app.fitsViewportWidth(), `screen ${key} overflows at 320 px with large text`);
    assert.deepEqual(await app.brokenWords(), [], `screen ${key}: words broken inside`);
  };
  await app.completeTo(household, {
    stopAt: "assets",
    onScreen: async (key) => {
      if (key === "housing") {
        await fits(key);
        await phone.page.screenshot({ path: join(SHOTS, "ticks-03-housing-320-large.png"), fullPage: true });
      }
    },
  });
  await app.byTestId("assets.motorbike=have").check();
  await app.byTestId("assets.motor_boat=dont_know").check();
  await fits("assets");
  await phone.page.screenshot({ path: join(SHOTS, "ticks-05-assets-320-large.png"), fullPage: true });
  await app.completeTo(household);
  const housing = await checkRows("housing");
  assert.deepEqual(housing["Mái nhà làm bằng gì?"], ["Tấm fibrô xi măng — không bền chắc", "answered"]);
  assert.match(housing["Tường nhà làm bằng gì?"][0], /Tường trình/);
  const vehicles = await checkRows("assets");
  assert.deepEqual(vehicles["Tàu, thuyền có động cơ"], ["Không biết", "unknown"], "don't know only where chosen");
  assert.deepEqual(vehicles["Ô tô"], ["0", "answered"]);
  // The class is shown with each material.
  await app.byTestId("edit-housing").click();
  const fibro = await phone.page.locator('label[for$="-fibro_cement"]').textContent();
  assert.match(fibro, /Tấm fibrô xi măng — không bền chắc/);
  assert.equal(await app.byTestId("housing.roof=fibro_cement").isChecked(), true);
  assert.deepEqual(await phone.problems(), []);
});
