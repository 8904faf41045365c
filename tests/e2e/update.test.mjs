//! Updates: a new deployment is fetched in the background, waits until the user applies it, and saved data survives applying it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AppPage } from "./support/app-page.mjs";
import { AS_OF, CommunePage, FIXTURES, waitForCommuneCached } from "./support/commune-page.mjs";
import { launchPhone, openApp, privateDeployment, REPO_ROOT, waitForAppStarted, waitInPage, waitForOfflineReady } from "./support/harness.mjs";

/** Makes "version 2" of the deployment in place: a changed file, then the post-build hook again. */
async function deployNewVersion(dir) {
  const manifestPath = join(dir, "manifest.webmanifest");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  manifest.description = `${manifest.description} (v2)`;
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  execFileSync("node", [join(REPO_ROOT, "scripts/gen-precache.mjs"), dir], { stdio: "pipe" });
}

/** The description of the manifest as the page sees it (through the service worker). */
const servedDescription = (page) =>
  page.evaluate(() => fetch("./manifest.webmanifest").then((r) => r.json()).then((m) => m.description));

const cacheVersion = (page) => page.evaluate(() => caches.keys());

test("a new version waits until it is applied, then takes over and keeps localStorage", async () => {
  const deploy = await privateDeployment();
  const phone = await launchPhone();
  try {
    await openApp(phone.page, { baseUrl: deploy.url });
    await waitForOfflineReady(phone.page);
    const v1 = await servedDescription(phone.page);
    const v1Caches = await cacheVersion(phone.page);
    await phone.page.evaluate(() => localStorage.setItem("mucsong_e2e_marker", "kept across the update"));

    const swBefore = await readFile(join(deploy.dir, "sw.js"), "utf8");
    await deployNewVersion(deploy.dir);
    assert.notEqual(await readFile(join(deploy.dir, "sw.js"), "utf8"), swBefore, "expected a new sw.js");

    // The next visit finds the new worker and installs it in the background; it then waits.
    await phone.page.reload({ waitUntil: "load" });
    await waitForAppStarted(phone.page);
    await waitInPage(phone.page, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), {
      what: "the new version to be installed and waiting",
    });
    // Not applied by itself: another reload still runs version 1.
    await phone.page.reload({ waitUntil: "load" });
    await waitForAppStarted(phone.page);
    assert.equal(await servedDescription(phone.page), v1);

    // Apply it the way the app's "Cập nhật ngay / Update now" does (crates/widgets/src/pwa.rs apply_update):
    // tell the waiting worker to take over, and reload once it controls the page.
    const reloaded = phone.page.waitForEvent("load", { timeout: 30_000 });
    await phone.page.evaluate(async () => {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
      (await navigator.serviceWorker.getRegistration()).waiting.postMessage({ type: "SKIP_WAITING" });
    });
    await reloaded;
    await waitForAppStarted(phone.page);

    assert.equal(await servedDescription(phone.page), `${v1} (v2)`);
    const v2Caches = await cacheVersion(phone.page);
    assert.equal(v2Caches.length, 1, `expected only the new version's cache, but found ${v2Caches}`);
    assert.notDeepEqual(v2Caches, v1Caches);
    assert.equal(await phone.page.evaluate(() => localStorage.getItem("mucsong_e2e_marker")), "kept across the update");
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
    await deploy.close();
  }
});

// The start page's "Cập nhật ngay / Update now" button (UI, crates/widgets/src/pwa.rs use_service_worker):
// shown only while an update waits, and pressing it switches versions without losing saved data.
test("the start page offers “Cập nhật ngay” when a new version waits, and pressing it updates", async () => {
  const deploy = await privateDeployment();
  const phone = await launchPhone();
  try {
    const app = await new AppPage(phone.page).open({ baseUrl: deploy.url });
    await waitForOfflineReady(phone.page);
    const v1 = await servedDescription(phone.page);
    assert.equal(await app.byTestId("update-now").count(), 0, "expected no update button before an update exists");
    await phone.page.evaluate(() => localStorage.setItem("mucsong_e2e_marker", "kept across the update"));

    await deployNewVersion(deploy.dir);
    await app.reload();
    await waitInPage(phone.page, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), {
      what: "the new version to be installed and waiting",
    });
    await app.byTestId("update-now").waitFor({ state: "visible", timeout: 5_000 });
    const reloaded = phone.page.waitForEvent("load", { timeout: 30_000 });
    await app.byTestId("update-now").click();
    await reloaded;
    await waitForAppStarted(phone.page);

    assert.equal(await servedDescription(phone.page), `${v1} (v2)`);
    assert.equal(await app.byTestId("update-now").count(), 0, "expected no update button after updating");
    assert.equal(await phone.page.evaluate(() => localStorage.getItem("mucsong_e2e_marker")), "kept across the update");
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
    await deploy.close();
  }
});

// Commune mode is cached on first use, not at install. A new version must not lose it: when the
// old version had it, the new one downloads it while installing, so commune mode still opens
// offline right after the update (and its page offers "Cập nhật ngay" as the household page does).
test("an update keeps commune mode offline when it had been used, and commune mode's page offers it too", async () => {
  const deploy = await privateDeployment();
  const phone = await launchPhone();
  try {
    const commune = await new CommunePage(phone.page).open({ baseUrl: deploy.url });
    await waitForOfflineReady(phone.page);
    await waitForCommuneCached(phone.page);
    const v1Caches = await cacheVersion(phone.page);

    await deployNewVersion(deploy.dir);
    await commune.reload();
    await waitInPage(phone.page, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), {
      what: "the new version to be installed and waiting",
    });
    await commune.byTestId("update-now").waitFor({ state: "visible", timeout: 5_000 });

    // The network goes away before the update is applied: commune mode must come from the new cache.
    await phone.context.setOffline(true);
    deploy.server.setOffline(true);
    const reloaded = phone.page.waitForEvent("load", { timeout: 30_000 });
    await commune.byTestId("update-now").click();
    await reloaded;
    await waitForAppStarted(phone.page);
    await commune.byTestId("commune-section").waitFor();
    const v2Caches = await cacheVersion(phone.page);
    assert.equal(v2Caches.length, 1, `expected only the new version's cache, but found ${v2Caches}`);
    assert.notDeepEqual(v2Caches, v1Caches);
    // The new version serves the page (its manifest, one folder up, is version 2's), offline.
    const description = await phone.page.evaluate(() => fetch("../manifest.webmanifest").then((r) => r.json()).then((m) => m.description));
    assert.match(description, /\(v2\)$/);
    await commune.setDate(AS_OF);
    await commune.pick(join(FIXTURES, "commune-500.csv"));
    assert.equal((await commune.figures()).households, 495);
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
    await deploy.close();
  }
});
