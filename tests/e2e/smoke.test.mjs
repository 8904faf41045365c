//! Smoke test: the release build opens on a small phone, in Vietnamese, without errors, installable.

import { test } from "node:test";
import assert from "node:assert/strict";
import { appServer, launchPhone } from "./support/harness.mjs";
import { AppPage } from "./support/app-page.mjs";
import { CommunePage } from "./support/commune-page.mjs";

test("the app starts on a 360×740 phone in Vietnamese, with no errors and no sideways scrolling", async () => {
  const phone = await launchPhone();
  try {
    const app = await new AppPage(phone.page).open();
    assert.equal(await app.lang(), "vi");
    assert.match(await phone.page.title(), /Mức Sống/);
    // The app mounted something visible besides the noscript message.
    const text = await phone.page.evaluate(() => document.body.innerText.trim());
    assert.ok(text.length > 0, "expected the app to show some text, but the page is empty");
    assert.ok(await app.fitsViewportWidth(), "expected the page to fit 360 px, but it scrolls sideways");
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});

test("while the app downloads the page already shows the start question and says it is loading; the app replaces it", async () => {
  const phone = await launchPhone();
  try {
    // Hold the wasm back: what a phone on a slow link sees before the app can run.
    await phone.page.route("**/*_bg.wasm", () => {});
    await phone.page.goto((await appServer()).url, { waitUntil: "domcontentloaded" });
    const shell = await phone.page.evaluate(() => ({
      heading: document.querySelector("#loading-shell h1")?.innerText,
      status: document.querySelector('#loading-shell [role="status"]')?.innerText,
    }));
    assert.equal(shell.heading, "Hộ của bạn có thuộc diện hộ nghèo, cận nghèo không?");
    assert.match(shell.status ?? "", /Đang tải ứng dụng/);
    await phone.page.unroute("**/*_bg.wasm");

    const app = await new AppPage(phone.page).open();
    const after = await phone.page.evaluate(() => ({
      shell: document.getElementById("loading-shell") !== null,
      headings: document.querySelectorAll("h1").length,
      mains: document.querySelectorAll("main").length,
    }));
    assert.deepEqual(after, { shell: false, headings: 1, mains: 1 }, "expected the app to replace the loading screen");
    assert.equal(await app.lang(), "vi");
  } finally {
    await phone.close();
  }
});

test("commune mode's page also shows its title and a loading note while its wasm downloads", async () => {
  const phone = await launchPhone();
  try {
    await phone.page.route("**/commune/*_bg.wasm", () => {});
    await phone.page.goto(new URL("commune/", (await appServer()).url).href, { waitUntil: "domcontentloaded" });
    const shell = await phone.page.evaluate(() => ({
      heading: document.querySelector("#loading-shell h1")?.innerText,
      status: document.querySelector('#loading-shell [role="status"]')?.innerText,
      back: document.querySelector('#loading-shell a[href="../"]')?.innerText,
    }));
    assert.deepEqual(
      { ...shell, status: /Đang tải/.test(shell.status ?? "") },
      { heading: "Tổng hợp cấp xã", status: true, back: "Hộ gia đình" },
    );
    await phone.page.unroute("**/commune/*_bg.wasm");

    await new CommunePage(phone.page).open();
    const after = await phone.page.evaluate(() => ({
      shell: document.getElementById("loading-shell") !== null,
      mains: document.querySelectorAll("main").length,
    }));
    assert.deepEqual(after, { shell: false, mains: 1 }, "expected commune mode to replace the loading screen");
  } finally {
    await phone.close();
  }
});

test("the page links a valid web app manifest with 192, 512 and maskable icons that exist", async () => {
  const phone = await launchPhone();
  try {
    await new AppPage(phone.page).open();
    const href = await phone.page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href);
    assert.ok(href, "expected <link rel=manifest>, but found none");
    const response = await phone.page.request.get(href);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-type"], /manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.short_name, "Mức Sống");
    assert.equal(manifest.lang, "vi");
    assert.equal(manifest.start_url, "./");
    assert.equal(manifest.display, "standalone");
    for (const size of ["192x192", "512x512"]) {
      assert.ok(manifest.icons.some((i) => i.sizes === size && i.type === "image/png"), `expected a ${size} PNG icon`);
    }
    assert.ok(manifest.icons.some((i) => (i.purpose ?? "").includes("maskable")), "expected a maskable icon");
    for (const icon of manifest.icons) {
      const url = new URL(icon.src, href).href;
      const res = await phone.page.request.get(url);
      assert.equal(res.status(), 200, `icon ${icon.src}`);
      if (icon.type === "image/png") {
        const png = await res.body();
        // PNG signature, then the IHDR width and height must match the declared size.
        assert.equal(png.subarray(1, 4).toString(), "PNG", `icon ${icon.src} is not a PNG`);
        const [w, h] = icon.sizes.split("x").map(Number);
        assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [w, h], `icon ${icon.src} size`);
      }
    }
  } finally {
    await phone.close();
  }
});
