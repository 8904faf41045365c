//! Smoke test: the release build opens on a small phone, in Vietnamese, without errors, installable.

import { test } from "node:test";
import assert from "node:assert/strict";
import { launchPhone } from "./support/harness.mjs";
import { AppPage } from "./support/app-page.mjs";

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
