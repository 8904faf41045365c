//! End-to-end: moving through the questionnaire as a person does on a phone — the browser's (Android's) back and forward buttons go between questions and never out of the app, a reload comes back to the same place, and an answer that does not read stops Continue at its field.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launchPhone } from "./support/harness.mjs";
import { QuestionnairePage } from "./pages/questionnaire-page.mjs";
import { RURAL_FOUR } from "./support/households.mjs";

let phone;
after(async () => {
  if (phone) await phone.close();
});

async function freshPhone() {
  if (phone) await phone.close();
  phone = await launchPhone();
  return new QuestionnairePage(phone.page).open();
}

/** Waits until the screen on show is not `key` any more, and returns the new one. */
async function screenAfter(app, key) {
  await phone.page.waitForFunction(
    (k) => {
      const s = document.querySelector('section[data-testid^="step-"], [data-testid="check-page"], [data-testid="result-page"]');
      return s && s.getAttribute("data-testid") !== `step-${k}`;
    },
    key,
  );
  return app.stepKey();
}

test("the back button goes to the previous questions, forward comes back, and a reload keeps the place", async () => {
  const app = await freshPhone();
  await app.start({ date: "2026-06-01" });
  const seen = [];
  const bar = [];
  await app.completeTo(RURAL_FOUR, {
    stopAt: "housing",
    onScreen: async (key) => {
      bar.push([key, Number(await phone.page.locator('[data-testid="progress"] progress').getAttribute("value"))]);
      seen.push(key);
    },
  });
  assert.ok(seen.length >= 5, `screens seen: ${seen}`);
  for (let i = 1; i < bar.length; i++) {
    assert.ok(bar[i][1] > bar[i - 1][1], `the progress bar did not move from ${bar[i - 1]} to ${bar[i]}`);
  }
  assert.match(await app.byTestId("progress").textContent(), /Phần \d+ \/ \d+ · còn \d+ phần/);
  const here = seen.at(-1);
  // Twice back, as a person unsure of an answer would.
  await phone.page.goBack();
  const one = await screenAfter(app, here);
  assert.equal(one, seen.at(-2));
  await phone.page.goBack();
  const two = await screenAfter(app, one);
  assert.equal(two, seen.at(-3));
  assert.match(phone.page.url(), /^http:\/\/127\.0\.0\.1/, "still in the app");
  // Forward again, then Continue from there works as usual.
  await phone.page.goForward();
  assert.equal(await screenAfter(app, two), seen.at(-2));
  // A reload keeps the screen, and back still works after it.
  await phone.page.reload();
  await phone.page.waitForSelector('[data-testid^="step-"]');
  assert.equal(await app.stepKey(), seen.at(-2));
  await phone.page.goBack();
  assert.equal(await screenAfter(app, seen.at(-2)), seen.at(-3));
  assert.deepEqual(await phone.problems(), []);
});

test("opened again on a later question, the back button shows the question before instead of leaving", async () => {
  const app = await freshPhone();
  await app.start({ date: "2026-06-01" });
  const seen = [];
  await app.completeTo(RURAL_FOUR, { stopAt: "housing", onScreen: async (key) => seen.push(key) });
  // A new tab has no history of its own: the app opens where the household was left.
  const tab = await phone.page.context().newPage();
  const again = await new QuestionnairePage(tab).open();
  assert.equal(await again.stepKey(), "housing");
  // Back shows the question before, as the screen's own Back button would.
  await tab.goBack();
  await tab.waitForFunction(() => !document.querySelector('[data-testid="step-housing"]'));
  const first = await again.stepKey();
  assert.ok(seen.includes(first), `back went to ${first}`);
  await tab.goBack();
  await tab.waitForFunction((k) => !document.querySelector(`[data-testid="step-${k}"]`), first);
  const second = await again.stepKey();
  assert.ok(seen.includes(second) && second !== first, `then to ${second}`);
  assert.match(tab.url(), /^http:\/\/127\.0\.0\.1/, "still in the app");
  await tab.close();
});

test("an answer that does not read stops Continue at its field, with the message, and keeps the text", async () => {
  const app = await freshPhone();
  await app.start({ date: "2026-06-01" });
  // Answer truthfully up to the living-area question.
  await app.completeTo(RURAL_FOUR, { stopAt: "housing" });
  const input = app.byTestId("housing.living_area_m2");
  const key = await app.stepKey();
  for (const bad of ["abc", "-20", "123456789012345678901"]) {
    await input.fill(bad);
    await app.byTestId("continue").click();
    await phone.page.waitForFunction(() => document.querySelector('[data-testid="step-error"]')?.textContent.trim() !== "");
    assert.equal(await app.stepKey(), key, `"${bad}" let the person go on`);
    assert.match(await app.byTestId("step-error").textContent(), /chưa đọc được/);
    assert.equal(await phone.page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "housing.living_area_m2");
    assert.equal(await input.inputValue(), bad, "the typed text is kept");
  }
  await input.fill("24");
  await app.continue();
  assert.notEqual(await app.stepKey(), key);
  assert.deepEqual(await phone.problems(), []);
});
