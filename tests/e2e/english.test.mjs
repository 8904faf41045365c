//! English: the household page's English texts are not in its first load; choosing English downloads them once (then the service worker has them, so English works offline), and a phone that never had them online is told why it stays in Vietnamese.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AppPage } from "./support/app-page.mjs";
import { appServer, launchPhone, privateDeployment, REPO_ROOT, waitForAppStarted, waitForOfflineReady, waitInPage, networkCutter } from "./support/harness.mjs";

const ENGLISH_FILE = "/lazy/household.en.txt";
const VI_TITLE = /Hộ của bạn có thuộc diện hộ nghèo/;
const EN_TITLE = /Could your household be poor or near-poor\?/;

/** Cuts the network for the browser and the server (as offline.test.mjs does); restored after the test. */
const cutNetwork = networkCutter();

/** How many times the server was asked for the English texts. */
const englishDownloads = (server) => server.requests.filter((r) => r.path === ENGLISH_FILE).length;

test("choosing English downloads its texts once and shows English, which then opens offline", async () => {
  const phone = await launchPhone();
  try {
    const server = await appServer();
    server.clearRequests();
    const app = await new AppPage(phone.page).open();
    await waitForOfflineReady(phone.page);
    // Not part of the first load, nor of the service worker's install.
    assert.equal(englishDownloads(server), 0);
    assert.match(await phone.page.locator("h1").textContent(), VI_TITLE);

    await app.byTestId("lang-en").click();
    await app.waitForLang("en");
    assert.match(await phone.page.locator("h1").textContent(), EN_TITLE);
    assert.equal(await app.byTestId("lang-en").getAttribute("aria-pressed"), "true");
    assert.equal(englishDownloads(server), 1);
    // Back and forth: installed once, never downloaded again.
    await app.byTestId("lang-vi").click();
    await app.waitForLang("vi");
    assert.match(await phone.page.locator("h1").textContent(), VI_TITLE);
    await app.byTestId("lang-en").click();
    await app.waitForLang("en");
    assert.equal(englishDownloads(server), 1);
    assert.equal((await app.localStorage())["mucsong.locale"], "en");

    // Offline: the remembered English comes from the service worker's cache.
    await cutNetwork(phone);
    await app.reload();
    await app.waitForLang("en");
    assert.match(await phone.page.locator("h1").textContent(), EN_TITLE);
    assert.equal(await app.byTestId("lang-failed").isVisible(), false);
    assert.deepEqual(
      server.requests.map((r) => r.path).filter((p) => p !== "/sw.js"),
      [],
      "expected nothing asked of the network offline but the sw.js check",
    );
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});

test("a phone offline after its first load that chooses English stays in Vietnamese and is told why", async () => {
  const phone = await launchPhone();
  try {
    const app = await new AppPage(phone.page).open();
    await waitForOfflineReady(phone.page);
    assert.equal(await app.byTestId("lang-failed").isVisible(), false);
    await cutNetwork(phone);

    await app.byTestId("lang-en").click();
    const message = app.byTestId("lang-failed");
    await message.waitFor({ state: "visible" });
    assert.match(await message.textContent(), /Cần có mạng một lần để tải tiếng Anh\./);
    assert.match(await message.textContent(), /English needs the network once to download\./);
    assert.equal(await app.lang(), "vi");
    assert.match(await phone.page.locator("h1").textContent(), VI_TITLE);
    assert.equal(await app.byTestId("lang-vi").getAttribute("aria-pressed"), "true");
    assert.equal(await app.byTestId("lang-en").getAttribute("aria-pressed"), "false");
    // Nowhere a missing text.
    assert.doesNotMatch(await phone.page.locator("body").innerText(), /\[\?\]/);

    // Back online, the same button works and the message goes.
    cutNetwork.restore();
    await phone.context.setOffline(false);
    await app.byTestId("lang-en").click();
    await app.waitForLang("en");
    assert.match(await phone.page.locator("h1").textContent(), EN_TITLE);
    assert.equal(await message.isVisible(), false);
    // The failed download (the network was cut) is the only thing the browser reported.
    const problems = await phone.problems();
    assert.deepEqual(
      problems.filter((p) => !/^console error: Failed to load resource: net::ERR_/.test(p)),
      [],
    );
    assert.ok(problems.length <= 1, problems.join("\n"));
  } finally {
    await phone.close();
  }
});

test("an update refreshes the English texts a phone had cached, so English still opens offline", async () => {
  const deploy = await privateDeployment();
  const phone = await launchPhone();
  try {
    const app = await new AppPage(phone.page).open({ baseUrl: deploy.url });
    await waitForOfflineReady(phone.page);
    await app.byTestId("lang-en").click();
    await app.waitForLang("en");

    // Version 2 changes one English text (same keys, so the same header).
    const file = join(deploy.dir, "lazy", "household.en.txt");
    await writeFile(file, (await readFile(file, "utf8")).replace("Could your household be poor or near-poor?", "Could your household be poor or near-poor? (v2)"));
    execFileSync("node", [join(REPO_ROOT, "scripts/gen-precache.mjs"), deploy.dir], { stdio: "pipe" });
    await app.reload();
    await waitInPage(phone.page, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), {
      what: "the new version to be installed and waiting",
    });
    await app.byTestId("update-now").waitFor({ state: "visible", timeout: 5_000 });
    // Offline before the update is applied: the new version's English must come from its cache.
    await phone.context.setOffline(true);
    deploy.server.setOffline(true);
    const reloaded = phone.page.waitForEvent("load", { timeout: 30_000 });
    await app.byTestId("update-now").click();
    await reloaded;
    await waitForAppStarted(phone.page);
    await app.waitForLang("en");
    assert.match(await phone.page.locator("h1").textContent(), /near-poor\? \(v2\)/);
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
    await deploy.close();
  }
});
