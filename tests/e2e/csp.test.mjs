//! Content Security Policy: the built page declares the strict policy, runs nothing inline, and the app starts without a single violation.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CommunePage } from "./support/commune-page.mjs";
import { distDir, launchPhone, openApp } from "./support/harness.mjs";

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

// A tag's attributes; values may be quoted or not (Trunk's HTML minifier drops needless quotes).
const attributes = (tag) =>
  Object.fromEntries(
    [...tag.matchAll(/([\w-]+)(?:=("[^"]*"|'[^']*'|[^\s"'>]+))?/g)]
      .slice(1)
      .map(([, name, value]) => [name.toLowerCase(), (value ?? "").replace(/^["']|["']$/g, "")]),
  );

// The household page, commune mode's page and the page shown for commune mode offline.
for (const page of ["index.html", "commune/index.html", "commune-offline.html"]) {
  test(`the built ${page} declares the strict policy and has no inline script, style or third-party URL`, async () => {
    const html = await readFile(join(await distDir(), page), "utf8");
    const meta = [...html.matchAll(/<meta\b[^>]*>/g)]
      .map(([tag]) => attributes(tag))
      .find((a) => a["http-equiv"] === "Content-Security-Policy");
    assert.ok(meta, "expected a Content-Security-Policy <meta>, but found none");
    assert.equal(meta.content, POLICY);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
    assert.deepEqual(inline.map(([tag]) => tag), [], "expected no inline <script>");
    assert.doesNotMatch(html, /<style\b/);
    assert.doesNotMatch(html, /\sstyle=/);
    assert.doesNotMatch(html, /\b(src|href)=["']?(https?:)?\/\//, "expected only relative URLs");
  });
}

test("the app starts under the policy with no violations, and the policy really blocks inline script", async () => {
  const phone = await launchPhone();
  try {
    await openApp(phone.page);
    assert.deepEqual(await phone.problems(), []);
    // Control: an injected inline script must be refused, or the policy is not in force at all.
    const ran = await phone.page.evaluate(async () => {
      window.__injectedRan = false;
      const script = document.createElement("script");
      script.textContent = "window.__injectedRan = true;";
      document.head.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return window.__injectedRan;
    });
    assert.equal(ran, false, "expected the injected inline script to be blocked, but it ran");
    const problems = await phone.problems();
    assert.ok(
      problems.some((p) => p.startsWith("CSP violation: script-src")),
      `expected the harness to record the blocked script as a CSP violation, but found: ${JSON.stringify(problems)}`,
    );
  } finally {
    await phone.close();
  }
});

test("commune mode's page starts under the same policy with no violations", async () => {
  const phone = await launchPhone();
  try {
    await new CommunePage(phone.page).open();
    assert.deepEqual(await phone.problems(), []);
  } finally {
    await phone.close();
  }
});
