//! Offline: after one online visit the service worker has the whole app, so it opens with the network cut.

import { test } from "node:test";
import assert from "node:assert/strict";
import { QuestionnairePage } from "./pages/questionnaire-page.mjs";
import { RURAL_FOUR } from "./support/households.mjs";
import { appServer, launchPhone, openApp, waitForAppStarted, waitForOfflineReady } from "./support/harness.mjs";

test("after one online visit, the app reloads and opens in a new tab with the network cut", async () => {
  const phone = await launchPhone();
  try {
    const url = await openApp(phone.page);
    await waitForOfflineReady(phone.page);
    const onlineText = await phone.page.evaluate(() => document.body.innerText.trim());

    await phone.context.setOffline(true);
    const server = await appServer();
    server.clearRequests();

    await phone.page.reload({ waitUntil: "load" });
    await waitForAppStarted(phone.page);
    assert.equal(await phone.page.evaluate(() => document.body.innerText.trim()), onlineText);

    const tab = await phone.context.newPage();
    await tab.goto(url, { waitUntil: "load" });
    await waitForAppStarted(tab);
    assert.equal(await tab.evaluate(() => document.body.innerText.trim()), onlineText);

    // Nothing reached the server: the app came entirely from the service worker's cache.
    assert.deepEqual(server.requests.map((r) => r.path), []);
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
    await phone.context.setOffline(true);
    const server = await appServer();
    server.clearRequests();

    await app.reload();
    await app.start({ date: "2026-06-01", name: "Nhà anh Hùng" });
    await app.completeTo(RURAL_FOUR);
    await app.byTestId("see-result").click();
    await app.byTestId("result-page").waitFor();
    assert.equal(await app.verdictClass(), "poor");

    assert.deepEqual(server.requests.map((r) => r.path), [], "expected nothing to reach the server while offline");
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});
