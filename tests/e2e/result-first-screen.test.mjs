//! End-to-end: the first screen of the result on a 360×740 phone, for a poor, a near-poor, a
//! "neither" and an undetermined household (variants of the Lạng Sơn fixture): the verdict, why in
//! three lines and what to do next, all above the fold (undetermined: the verdict and the answers that
//! would settle it, each a button); the details folded below; the way out for a
//! household at the line names the score it needs; an undetermined result offers the answers that
//! would settle it. Screenshots in artifacts/screenshots/result-first-*.png.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { launchPhone, openApp, REPO_ROOT } from "./support/harness.mjs";
import { SavedPage } from "./pages/saved-page.mjs";
import { QuestionnairePage } from "./pages/questionnaire-page.mjs";

const SHOTS = join(REPO_ROOT, "artifacts", "screenshots");
await mkdir(SHOTS, { recursive: true });
const base = JSON.parse(await readFile(join(REPO_ROOT, "tests", "e2e", "fixtures", "households", "lang-son-four.json"), "utf8"));

/** The Lạng Sơn household of four with `change` applied to a copy. */
function variant(id, change) {
  const record = structuredClone(base);
  record.id = id;
  change(record);
  return record;
}

const CASES = [
  { name: "poor", record: variant("first-poor", () => {}), verdict: /hộ nghèo/ },
  {
    // Tap water, a septic latrine, 60 m², the father on the internet, the son back at school,
    // the mother working, brick walls: score A 140 (the line), two deprivations.
    name: "near_poor",
    record: variant("first-near-poor", (r) => {
      r.water = "piped_bottled_bought";
      r.latrine = "septic_or_semi_septic";
      r.housing.living_area_m2 = 60;
      r.housing.wall = "brick_stone";
      r.members[0].uses_internet = true;
      r.members[1].work_status = "working";
      r.members[2].in_school = true;
      r.members[2].school_level = "upper_secondary";
    }),
    verdict: /cận nghèo/,
  },
  {
    // A fridge, a television, a washing machine and a second motorbike: score A 155.
    name: "not_poor",
    record: variant("first-neither", (r) => {
      Object.assign(r.assets, { fridge: 1, colour_tv: 1, washing_machine_or_dryer: 1, motorbike: 2 });
    }),
    verdict: /không thuộc diện hộ nghèo hay hộ cận nghèo/,
  },
  {
    // The motorbike and the fridge left unknown: score A 120–175, poor or not.
    name: "undetermined",
    record: variant("first-undetermined", (r) => {
      r.assets.motorbike = null;
      r.assets.fridge = null;
    }),
    verdict: /Chưa chắc chắn/,
  },
];

let phone;
after(async () => {
  if (phone) await phone.close();
});

for (const c of CASES) {
  test(`first screen of the result, ${c.name}: verdict, why in three lines and what to do, above the fold`, async () => {
    if (phone) await phone.close();
    phone = await launchPhone();
    await openApp(phone.page);
    const saved = await new SavedPage(phone.page).show();
    assert.match(await saved.importText(`${c.record.id}.json`, JSON.stringify(c.record)), /1/);
    await saved.byTestId("open").last().click();
    await phone.page.getByTestId("see-result").click();
    await phone.page.getByTestId("result-page").waitFor();
    await phone.page.evaluate(() => window.scrollTo(0, 0));
    const page = phone.page;
    const verdict = page.getByTestId("verdict").first();
    assert.equal(await verdict.getAttribute("data-class"), c.name);
    assert.match(await page.getByTestId("verdict-text").first().textContent(), c.verdict);
    // Why in three lines (score against its line, the deprivations, what to do) ends on the
    // first screen.
    const why = page.getByTestId("why").first();
    assert.equal(await why.locator("li").count(), 3);
    assert.match(await why.textContent(), /Thiếu hụt \d+\/12 chỉ số|Không thiếu hụt/);
    assert.match(await why.textContent(), /Việc nên làm/);
    await page.screenshot({ path: join(SHOTS, `result-first-${c.name}.png`) });
    // Undetermined: what to do is to answer what would settle it, so the first screen holds the
    // verdict, those answers and the button to them; the three lines follow.
    const firstScreenEnd = c.name === "undetermined" ? page.getByTestId("depends-on").first() : why;
    const bottom = await firstScreenEnd.evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(bottom <= 740, `${c.name}: the first screen's content ends at ${bottom} px, below the first screen`);
    // The details are folded below: how the scores were made opens on demand.
    assert.equal(await page.locator("details.how-details").first().evaluate((d) => d.open), false);
    if (c.name === "near_poor") {
      // At the line (140): leaving near-poverty needs 141, said as such.
      assert.match(await page.getByTestId("score-distance").first().textContent(), /141/);
    }
    if (c.name === "undetermined") {
      // The answers that would settle it, each a button to its question.
      const depends = page.getByTestId("depends-on").first();
      assert.match(await depends.textContent(), /xe máy|tủ lạnh/i);
      await depends.locator("button").first().click();
      await page.getByTestId("result-page").waitFor({ state: "detached" });
      // It opens the assets screen, at the question it names.
      assert.equal(await new QuestionnairePage(page).stepKey(), "assets");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
      assert.match(focused, /^assets\.(motorbike|fridge)/, `focus went to "${focused}"`);
    }
  });
}
