//! Offline: after one online visit the service worker has the whole app, so it opens with the network cut.

import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { QuestionnairePage } from "./pages/questionnaire-page.mjs";
import { RURAL_FOUR } from "./support/households.mjs";
import { appServer, launchPhone, openApp, waitForAppStarted, waitForOfflineReady } from "./support/harness.mjs";

/**
 * Cuts the network: the browser context goes offline and the server drops every connection (the
 * browser's offline emulation lets a service worker's update check through). Restored after the
 * test, as the server is shared by this file's tests.
 */
async function cutNetwork(phone) {
  const server = await appServer();
  await phone.context.setOffline(true);
  server.setOffline(true);
  server.clearRequests();
  afterThisTest = () => server.setOffline(false);
  return server;
}
let afterThisTest = () => {};
afterEach(() => {
  afterThisTest();
  afterThisTest = () => {};
});

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
