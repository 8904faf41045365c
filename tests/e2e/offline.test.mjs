//! Offline: after one online visit the service worker has the household app, so it opens with the network cut; commune mode works offline after one online visit to it, and says plainly why it cannot open offline before that.

import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { QuestionnairePage } from "./pages/questionnaire-page.mjs";
import { AppPage } from "./support/app-page.mjs";
import { AS_OF, CommunePage, FIXTURES, waitForCommuneCached } from "./support/commune-page.mjs";
import { RURAL_FOUR } from "./support/households.mjs";
import { appServer, launchPhone, openApp, waitForAppStarted, waitForOfflineReady, networkCutter } from "./support/harness.mjs";

/**
 * Cuts the network: the browser context goes offline and the server drops every connection (the
 * browser's offline emulation lets a service worker's update check through). Restored after the
 * test, as the server is shared by this file's tests.
 */
const cutNetwork = networkCutter();

/** Paths the browser tried to fetch, other than the update check of sw.js. */
const attemptsBesidesUpdateCheck = (server) => server.requests.map((r) => r.path).filter((p) => p !== "/sw.js");

test("after one online visit, the app reloads and opens in a new tab with the network cut", async () => {
  const phone = await launchPhone();
  try {
    const url = await openApp(phone.page);
    await waitForOfflineReady(phone.page);
    const onlineText = await phone.page.evaluate(() => document.body.innerText.trim());

    const server = await cutNetwork(phone);

    await phone.page.reload({ waitUntil: "load" });
    await waitForAppStarted(phone.page);
    assert.equal(await phone.page.evaluate(() => document.body.innerText.trim()), onlineText);

    const tab = await phone.context.newPage();
    await tab.goto(url, { waitUntil: "load" });
    await waitForAppStarted(tab);
    assert.equal(await tab.evaluate(() => document.body.innerText.trim()), onlineText);

    // Nothing was asked of the network but the browser's check for a new sw.js (which failed).
    assert.deepEqual(attemptsBesidesUpdateCheck(server), []);
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});

test("with the network cut after one visit, a household completes the questionnaire and gets its result", async () => {
  const phone = await launchPhone();
  try {
    const app = new QuestionnairePage(phone.page);
    await app.open();
    await waitForOfflineReady(phone.page);
    const server = await cutNetwork(phone);

    await app.reload();
    await app.start({ date: "2026-06-01", name: "Nhà anh Hùng" });
    await app.completeTo(RURAL_FOUR);
    await app.byTestId("see-result").click();
    await app.byTestId("result-page").waitFor();
    assert.equal(await app.verdictClass(), "poor");

    assert.deepEqual(attemptsBesidesUpdateCheck(server), [], "expected no request while offline but the sw.js check");
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});

/** Classifies the 500-household sample on the commune page and checks the count (no network needed). */
async function classifySample(commune) {
  await commune.setDate(AS_OF);
  await commune.pick(join(FIXTURES, "commune-500.csv"));
  assert.equal((await commune.figures()).households, 495);
}

test("after one online visit to commune mode, it reopens offline, in a new tab too, and classifies a file", async () => {
  const phone = await launchPhone();
  try {
    const commune = new CommunePage(phone.page);
    await commune.open();
    await waitForOfflineReady(phone.page);
    await waitForCommuneCached(phone.page);
    const server = await cutNetwork(phone);

    await commune.reload();
    await commune.byTestId("commune-section").waitFor();
    await classifySample(commune);

    const tab = new CommunePage(await phone.context.newPage());
    await tab.page.goto(phone.page.url(), { waitUntil: "load" });
    await waitForAppStarted(tab.page);
    await tab.byTestId("commune-section").waitFor();

    // The way back to the household app works offline as well.
    await tab.byTestId("nav-household").click();
    await tab.page.waitForURL((url) => !url.pathname.includes("/commune/"));
    await waitForAppStarted(tab.page);
    await tab.byTestId("nav-commune").waitFor();

    assert.deepEqual(attemptsBesidesUpdateCheck(server), [], "expected no request while offline but the sw.js check");
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});

test("commune mode opened first from a bookmark is cached too, and reopens offline", async () => {
  const phone = await launchPhone();
  try {
    const commune = await new CommunePage(phone.page).openDirectly();
    await waitForOfflineReady(phone.page);
    await waitForCommuneCached(phone.page);
    const server = await cutNetwork(phone);

    await commune.reload();
    await classifySample(commune);
    assert.deepEqual(attemptsBesidesUpdateCheck(server), [], "expected no request while offline but the sw.js check");
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});

test("opening commune mode offline before it was ever downloaded shows a Vietnamese notice with a way back", async () => {
  const phone = await launchPhone();
  try {
    const app = await new AppPage(phone.page).open();
    await waitForOfflineReady(phone.page);
    const server = await cutNetwork(phone);

    await app.byTestId("nav-commune").click();
    await phone.page.waitForURL(/\/commune\/$/);
    const notice = app.byTestId("commune-offline");
    await notice.waitFor();
    assert.equal(await app.lang(), "vi");
    assert.match(await notice.innerText(), /không có mạng/);
    assert.match(await notice.innerText(), /Phần tự đánh giá của hộ gia đình vẫn dùng được/);
    assert.ok(await app.fitsViewportWidth(), "expected the notice to fit 360 px");

    // Back to the household app, which works offline.
    await app.byTestId("commune-offline-household").click();
    await phone.page.waitForURL((url) => !url.pathname.includes("/commune/"));
    await waitForAppStarted(phone.page);
    await app.byTestId("nav-commune").waitFor();

    // Only commune mode's page was asked of the network (and refused), never a household file.
    const asked = attemptsBesidesUpdateCheck(server);
    assert.ok(asked.every((path) => path.startsWith("/commune/")), `expected only commune/ requests, but found ${asked}`);
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});
