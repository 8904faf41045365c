//! End-to-end: each saved household's own buttons (open, rename, duplicate, export, delete with confirmation), cancelling "delete everything", and a set-aside record's download and discard.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launchPhone } from "./support/harness.mjs";
import { QuestionnairePage } from "./pages/questionnaire-page.mjs";
import { SavedPage } from "./pages/saved-page.mjs";

let phone;
after(async () => {
  if (phone) await phone.close();
});

/** Reads a download started by clicking `locator`: its suggested name and text. */
async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent("download"), locator.click()]);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
}

test("a saved household is renamed, duplicated, exported, opened and deleted from its own card", async () => {
  phone = await launchPhone();
  const app = await new QuestionnairePage(phone.page).open();
  // A name with markup characters is shown as text, never as markup.
  await app.start({ date: "2026-06-01", name: "Nhà <b>An</b> & con" });
  const saved = await new SavedPage(phone.page).show();
  assert.deepEqual(await saved.names(), ["Nhà <b>An</b> & con"]);
  assert.equal(await saved.page.locator('[data-testid="saved-name"] b').count(), 0);
  assert.equal(await saved.byRole("button", "Mở — Nhà <b>An</b> & con").count(), 1, "the open button names its household");

  // Rename: the form opens under the name, is labelled, and saves.
  await saved.byTestId("rename").click();
  const input = saved.byLabel("Tên mới");
  // A name is at most 60 characters: the box takes no more (a pasted 10,000 characters included).
  await input.fill("Nhà chị Lan ".repeat(834));
  assert.equal((await input.inputValue()).length, 60);
  await input.fill("Nhà chị Lan");
  await saved.byTestId("rename-save").click();
  await saved.page.waitForFunction(() => document.querySelector('[data-testid="saved-name"]')?.textContent === "Nhà chị Lan");
  assert.equal(await saved.byTestId("rename-input").count(), 0, "the form closes after saving");
  // The rename button opens and closes the form.
  await saved.byTestId("rename").click();
  assert.equal(await saved.byTestId("rename-input").count(), 1);
  await saved.byTestId("rename").click();
  assert.equal(await saved.byTestId("rename-input").count(), 0);

  await saved.byTestId("duplicate").click();
  await saved.page.waitForFunction(() => document.querySelectorAll('[data-testid="saved-card"]').length === 2);
  assert.deepEqual((await saved.names()).sort(), ["Nhà chị Lan (bản sao)", "Nhà chị Lan"].sort());

  const card = saved.byTestId("saved-card").filter({ hasNotText: "(bản sao)" });
  const exported = await download(saved.page, card.getByTestId("export"));
  assert.match(exported.name, /\.json$/);
  assert.equal(JSON.parse(exported.text).schema, "mucsong/household@1");

  // Delete asks first; only the confirmation deletes.
  const copy = saved.byTestId("saved-card").filter({ hasText: "(bản sao)" });
  await copy.getByTestId("delete").click();
  assert.equal(await saved.byTestId("saved-card").count(), 2);
  await copy.getByTestId("confirm-delete").click();
  await saved.page.waitForFunction(() => document.querySelectorAll('[data-testid="saved-card"]').length === 1);
  assert.deepEqual(await saved.names(), ["Nhà chị Lan"]);

  // "Delete everything" can be cancelled.
  await saved.byTestId("delete-all").click();
  await saved.byRole("button", "Hủy").click();
  assert.equal(await saved.byTestId("confirm-delete-all").count(), 0);
  assert.equal(await saved.byTestId("delete-all").count(), 1);
  assert.deepEqual(await saved.names(), ["Nhà chị Lan"]);

  await saved.byTestId("open").click();
  await app.page.waitForSelector('[data-testid^="step-"]');
  assert.deepEqual(await phone.problems(), []);
});

test("a set-aside record can be downloaded, then discarded", async () => {
  if (phone) await phone.close();
  phone = await launchPhone();
  const app = await new QuestionnairePage(phone.page).open();
  await phone.page.evaluate(() => localStorage.setItem("mucsong.household.hbroken", '{"envelope":1,"name":"Broken","rec'));
  await app.reload();
  const saved = await new SavedPage(phone.page).show();
  const notice = saved.byTestId("set-aside");
  assert.equal(await notice.count(), 1);
  const file = await download(saved.page, notice.getByRole("button").first());
  assert.equal(file.name, "mucsong-set-aside-hbroken.json");
  assert.equal(file.text, '{"envelope":1,"name":"Broken","rec');
  await notice.getByTestId("discard-set-aside").click();
  await saved.page.waitForFunction(() => !document.querySelector('[data-testid="set-aside"]'));
  assert.equal((await saved.localStorage())["mucsong.set_aside.hbroken"], undefined);
  assert.deepEqual(await phone.problems(), []);
});

test("a household started and left without an answer leaves no entry; one answer keeps it", async () => {
  const phone = await launchPhone();
  try {
    const app = await new QuestionnairePage(phone.page).open();
    await app.start({ date: "2026-06-01" });
    const saved = await new SavedPage(phone.page).show();
    // "Đánh giá một hộ mới" twice, with nothing answered: no "0 người, Hộ chưa đặt tên" left.
    await saved.byTestId("new-household").click();
    await app.start({ date: "2026-06-01" });
    await saved.show();
    await saved.byTestId("new-household").click();
    await app.page.waitForSelector('[data-testid="start"]');
    await saved.show();
    assert.deepEqual(await saved.names(), []);
    // One choice made is kept, even without Continue.
    await saved.byTestId("new-household").click();
    await app.start({ date: "2026-06-01" });
    await app.byTestId("area=rural").check();
    await saved.show();
    await saved.byTestId("new-household").click();
    await app.page.waitForSelector('[data-testid="start"]');
    await saved.show();
    assert.equal((await saved.names()).length, 1);
  } finally {
    await phone.close();
  }
});
