//! Page-object base for end-to-end specs: finds things by data-testid, role or label, never by CSS structure.
//
// Specs describe what a person does ("answer the household size", "press Update now"); page
// objects turn that into locators. Extend AppPage for each screen:
//
//   class StartPage extends AppPage {
//     updateButton() { return this.byTestId("update-now"); }
//   }
//   const start = await new StartPage(phone.page).open();

import { openApp, waitForAppStarted } from "./harness.mjs";

export class AppPage {
  /** @param {import("playwright-core").Page} page */
  constructor(page) {
    this.page = page;
  }

  /** Opens the app (see harness `openApp`) and returns this page object. */
  async open(options) {
    await openApp(this.page, options);
    return this;
  }

  /** Reloads the document and waits until the app has started again. */
  async reload() {
    await this.page.reload({ waitUntil: "load" });
    await waitForAppStarted(this.page);
    return this;
  }

  /** The element with `data-testid="<id>"` (the UI's stable test hooks). */
  byTestId(id) {
    return this.page.getByTestId(id);
  }

  /** An element by its accessible role and name, e.g. byRole("button", "Cập nhật ngay"). */
  byRole(role, name) {
    return this.page.getByRole(role, name === undefined ? {} : { name });
  }

  /** A form control by its label text. */
  byLabel(text) {
    return this.page.getByLabel(text);
  }

  /** The document's language attribute (the app is Vietnamese first). */
  lang() {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /**
   * Waits until the document is in `tag` (`<html lang>`). Switching to English may wait for its
   * texts to download (the household page's first load carries Vietnamese only).
   */
  async waitForLang(tag, timeout = 20_000) {
    await this.page.waitForFunction((t) => document.documentElement.lang === t, tag, { timeout });
  }

  /** True when nothing is wider than the viewport (no sideways scrolling on a phone). */
  fitsViewportWidth() {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  }

  /**
   * The words of visible buttons, choices and labels that are split across lines ("Khô|ng"):
   * each word's text range must lie on one line. Lines may break between words only.
   */
  brokenWords() {
    return this.page.evaluate(() => {
      const broken = [];
      for (const element of document.querySelectorAll("button, .option, label, .tab, a.button")) {
        if (element.offsetParent === null) continue;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // Words, as a line may also break after a dash or slash ("1–5", "và/hoặc").
          for (const match of node.data.matchAll(/[^\s\-–—\/]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set(
              [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)),
            );
            if (lines.size > 1) broken.push(match[0]);
          }
        }
      }
      return broken;
    });
  }

  /** Values saved in localStorage, as a plain object (what survives reloads and updates). */
  localStorage() {
    return this.page.evaluate(() => Object.fromEntries(Object.entries(window.localStorage)));
  }
}
