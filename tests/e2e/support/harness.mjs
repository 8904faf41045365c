//! End-to-end harness: serves the built app (dist/) on a free loopback port and opens it in Debian's Chromium as a cheap phone would.
//
// Every spec (tests/e2e/*.test.mjs) imports from here:
//   const phone = await launchPhone();      // fresh browser profile, 360×740, touch, Vietnamese
//   await openApp(phone.page);              // loads the app and waits until the wasm has started
//   phone.problems()                        // console errors, page errors, CSP violations so far
//   await phone.close();
// The server is started once per spec file (node's test runner gives each file its own process)
// and records every request it answers: `(await appServer()).requests`.
//
// Which build is tested: $MUCSONG_DIST (scripts/test.sh sets it after its one release build), else
// the repository's dist/. If neither holds a build, one release build is made first.

import { afterEach } from "node:test";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after } from "node:test";
import { chromium } from "playwright-core";
import { startStaticServer } from "../../../scripts/static-server.mjs";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** A small Android phone in portrait, the app's main audience. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

// The machine has no network but the package registries: Chromium must not try to reach Google's
// services (the connections are refused, many at a time, and would pollute the request record).
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
];

let distPromise;
/** The directory holding the build under test (built once if missing). */
export function distDir() {
  distPromise ??= (async () => {
    const dir = resolve(process.env.MUCSONG_DIST ?? join(REPO_ROOT, "dist"));
    try {
      await stat(join(dir, "index.html"));
    } catch {
      if (process.env.MUCSONG_DIST) {
        throw new Error(`MUCSONG_DIST=${dir}: expected a built app (index.html), but found none`);
      }
      console.log(`e2e: no build in ${dir}; running bash scripts/build.sh once`);
      execFileSync("bash", ["scripts/build.sh"], { cwd: REPO_ROOT, stdio: "inherit" });
    }
    return dir;
  })();
  return distPromise;
}

let serverPromise;
/** The static server for this spec file's process, started on first use; stopped at exit. */
export function appServer() {
  serverPromise ??= distDir().then((root) => startStaticServer({ root }));
  return serverPromise;
}

/**
 * A private copy of the build, served by its own server, for tests that change what is deployed
 * (the update flow). `deploy.dir` may be modified freely; call `deploy.close()` when done.
 */
export async function privateDeployment() {
  const dir = await mkdtemp(join(tmpdir(), "mucsong-e2e-"));
  await cp(await distDir(), dir, { recursive: true });
  const server = await startStaticServer({ root: dir });
  return {
    dir,
    server,
    url: server.url,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches a fresh headless Chromium (new empty profile) with a phone-sized, touch, Vietnamese
 * context and one page. Records console errors, uncaught page errors, CSP violations and every
 * request the browser makes (pages and service worker alike).
 */
export async function launchPhone({ viewport = PHONE_VIEWPORT, locale = "vi-VN" } = {}) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    serviceWorkers: "allow",
  });
  const consoleErrors = [];
  const pageErrors = [];
  const requests = [];
  context.on("request", (request) => requests.push({ url: request.url(), method: request.method(), time: Date.now() }));
  // The page tells us when Trunk's loader has started the app, and about every CSP violation.
  await context.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", () => {
      window.__mucsongStarted = true;
    });
    window.__cspViolations = [];
    addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const watch = (page) => {
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (error) => pageErrors.push(String(error)));
  };
  context.on("page", watch);
  const page = await context.newPage();

  return {
    browser,
    context,
    page,
    requests,
    consoleErrors,
    pageErrors,
    /**
     * Everything that went wrong in the browser so far, as readable lines (empty when all is
     * well): errors, CSP violations, and the language problems of every screen the page objects
     * passed through (`scanLanguage`) and of the screen shown now.
     */
    async problems() {
      const csp = [];
      for (const p of context.pages()) {
        csp.push(...(await p.evaluate(() => window.__cspViolations ?? []).catch(() => [])));
        await scanLanguage(p);
      }
      return [
        ...consoleErrors.map((m) => `console error: ${m}`),
        ...pageErrors.map((m) => `page error: ${m}`),
        ...csp.map((m) => `CSP violation: ${m}`),
        ...context.pages().flatMap((p) => [...(p.__languageProblems ?? [])]),
      ];
    },
    close: () => browser.close(),
  };
}

/**
 * Opens the app (at `baseUrl`, default this file's server) and waits until the wasm has started
 * and mounted the UI. Returns the URL opened.
 */
export async function openApp(page, { baseUrl, path = "" } = {}) {
  const base = baseUrl ?? (await appServer()).url;
  const url = new URL(path, base).href;
  await page.goto(url, { waitUntil: "load" });
  await waitForAppStarted(page);
  return url;
}

/** Waits for Trunk's `TrunkApplicationStarted` event in the current document. */
export async function waitForAppStarted(page, timeout = 20_000) {
  await page.waitForFunction(() => window.__mucsongStarted === true, null, { timeout });
}

/**
 * Evaluates `fn` (which may be async) in the page every `interval` ms until it returns something
 * truthy, and returns that. (page.waitForFunction treats a returned Promise as truthy at once, so
 * it cannot wait on async browser APIs such as service worker registrations.)
 */
export async function waitInPage(page, fn, { arg, timeout = 30_000, interval = 100, what = "condition" } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg).catch((error) => {
      // A navigation in progress destroys the context; try again in the new document.
      if (/context was destroyed|navigat/i.test(String(error))) return undefined;
      throw error;
    });
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Waits until a service worker controls the page and has finished precaching (it is active), so
 * the app would now open offline.
 */
export async function waitForOfflineReady(page, timeout = 30_000) {
  await waitInPage(
    page,
    async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return Boolean(registration?.active?.state === "activated" && navigator.serviceWorker.controller);
    },
    { timeout, what: "an active service worker controlling the page" },
  );
}

// Stop this file's server when its tests are done, or the test process would never exit.
// (Registered at import time, so it belongs to the file's root, not to whichever test started it.)
after(async () => {
  if (serverPromise) await (await serverPromise).close();
});

/**
 * For a spec file that cuts the network: returns `cutNetwork(phone)`, which cuts it for the
 * browser and for this file's shared server, and registers an `afterEach` that restores the
 * server after each test.
 */
export function networkCutter() {
  let restore = () => {};
  afterEach(() => {
    restore();
    restore = () => {};
  });
  const cutNetwork = async (phone) => {
    const server = await appServer();
    await phone.context.setOffline(true);
    server.setOffline(true);
    server.clearRequests();
    restore = () => server.setOffline(false);
    return server;
  };
  /** Gives the server its network back now (the browser's is the test's to restore). */
  cutNetwork.restore = () => {
    restore();
    restore = () => {};
  };
  return cutNetwork;
}

/**
 * The language test, run on every screen the page objects pass through: the visible text of the
 * page in its language (`<html lang>`) must hold no raw translation key or missing-text marker,
 * no schema name, no ISO date, and no word of the other language (outside elements marked with
 * the other `lang`, such as the language switch). Problems are kept on the page object (a set, so
 * a screen seen twice counts once) and reported by `phone.problems()`.
 */
export async function scanLanguage(page) {
  let found;
  try {
    found = await page.evaluate(() => {
      const lang = document.documentElement.lang || "vi";
      // The household page only: commune mode names its CSV columns on purpose.
      if (!document.body || location.pathname.includes("/commune/") || !location.pathname.match(/\/(index\.html)?$/)) return [];
      const clone = document.body.cloneNode(true);
      // The other language's own elements (the language switch) and what is not shown.
      for (const el of clone.querySelectorAll(`[lang]:not([lang="${lang}"]), script, style, template, .visually-hidden, .print-only`)) el.remove();
      const text = clone.innerText ?? clone.textContent;
      const problems = [];
      const where = (m) => text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, " ");
      const check = (re, what) => {
        for (const m of text.matchAll(re)) problems.push(`${lang}: ${what} "${m[0]}" in "…${where(m)}…"`);
      };
      check(/\[\?\]/g, "missing text");
      check(/\b[a-z]{2,}_[a-z0-9_]+\b/g, "raw key");
      check(/mucsong\/\w+@\d/g, "schema name");
      check(/\b(19|20)\d\d-\d\d-\d\d\b/g, "ISO date");
      if (lang === "vi") {
        check(/\b(the|and|of|with|points|score|household|member|people|deprived|expected|found|line|column|Art\.|amended|not available|news reports|JSON Lines)\b/g, "English word");
      } else {
        check(/(?<![\p{L}])(và|của|không|được|người|những|chưa|hộ nghèo|cận nghèo|theo|sửa đổi|Điều|tr\.)(?![\p{L}])/gu, "Vietnamese word");
      }
      return problems;
    });
  } catch {
    return; // the page is navigating or closed
  }
  page.__languageProblems ??= new Set();
  for (const p of found) page.__languageProblems.add(p);
}
