//! Offline: after one online visit the service worker has the whole app, so it opens with the network cut.

import { test } from "node:test";
import assert from "node:assert/strict";
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
