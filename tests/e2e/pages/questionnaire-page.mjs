//! Page object for the household questionnaire: start, answer whatever the current screen asks, members, check page, result.
//
// Answers are given as one flat object of record paths → values for the whole household
// (`{"area": "rural", "members[0].birth_date": "1984", "assets.car": "dont_know"}`; a count of
// the assets/livestock checklist is ticked when above 0 and left unticked for 0): on each
// screen the page object answers the questions that screen shows, so specs describe a household,
// not a click path, and the questionnaire's skip logic is exercised for real.

import { AppPage } from "../support/app-page.mjs";
import { scanLanguage } from "../support/harness.mjs";

export class QuestionnairePage extends AppPage {
  /** Taps spent putting the household's people on the member list (its size, or "add" each). */
  addTaps = 0;
  /** The start page's assessment date input. */
  startDate() {
    return this.byTestId("start-date");
  }

  /** Starts a new household from the start page. */
  async start({ date, name } = {}) {
    if (date) await this.startDate().fill(date);
    if (name) await this.byTestId("start-name").fill(name);
    await this.byTestId("start").click();
    await this.page.waitForSelector('[data-testid^="step-"]');
  }

  /** The key of the screen on show (`place`, `member:0:person`, `check`, `result`). */
  async stepKey() {
    const section = this.page.locator('section[data-testid^="step-"], [data-testid="check-page"], [data-testid="result-page"]').first();
    const id = await section.getAttribute("data-testid");
    if (id === "check-page") return "check";
    if (id === "result-page") return "result";
    return id.replace(/^step-/, "");
  }

  /** Presses Continue (with the keyboard when `this.keyboard` is set: focus it, press Enter). */
  async continue() {
    await scanLanguage(this.page);
    const before = await this.stepKey();
    if (this.keyboard) {
      await this.byTestId("continue").focus();
      await this.page.keyboard.press("Enter");
    } else {
      await this.byTestId("continue").click();
    }
    await this.page.waitForFunction(
      (b) => {
        const s = document.querySelector('section[data-testid^="step-"], [data-testid="check-page"], [data-testid="result-page"]');
        return s && s.getAttribute("data-testid") !== `step-${b}`;
      },
      before,
    );
  }

  /** Answers one question if the current screen shows it; returns whether it did. */
  async answer(path, value) {
    if (path === "province") {
      const select = this.byTestId("province");
      if ((await select.count()) === 0) return false;
      await select.selectOption(value);
      return true;
    }
    // A count of "which of these does the household have?": ticked with its count when above
    // 0, left unticked for 0 (Continue makes it 0); "dont_know" is the line's own choice.
    const tick = this.byTestId(`${path}=have`);
    if (value !== "dont_know" && (await tick.count()) > 0) {
      const n = Number(value);
      if (n > 0) {
        await tick.check();
        if (String(value) !== "1") await this.byTestId(path).fill(String(value));
      } else if (await tick.isChecked()) {
        await tick.uncheck();
      }
      return true;
    }
    const radio = this.byTestId(`${path}=${value}`);
    if ((await radio.count()) > 0) {
      if (value === "dont_know" && (await radio.getAttribute("type")) === "checkbox") await radio.check();
      else await radio.check();
      return true;
    }
    const input = this.byTestId(path);
    if ((await input.count()) > 0 && (await input.evaluate((e) => e.tagName)) === "INPUT") {
      await input.fill(String(value));
      return true;
    }
    return false;
  }

  /** Answers every question of `answers` that the current screen shows. */
  async answerScreen(answers) {
    for (const [path, value] of Object.entries(answers)) {
      await this.answer(path, value);
    }
  }

  /**
   * Goes through the questionnaire from the current screen to the check page, answering from
   * `household`: `{answers: {...}, members: [{birth_date, sex, ...}, ...]}`.
   */
  async completeTo(household, { stopAt = "check", onScreen } = {}) {
    for (let guard = 0; guard < 200; guard++) {
      const key = await this.stepKey();
      if (onScreen) await onScreen(key);
      if (key === stopAt) return;
      if (key === "members") {
        // Everyone is added on the list first; Continue then asks about each person in turn.
        const cards = this.page.locator('[data-testid^="member-"][class~="member-card"]');
        let present = await cards.count();
        // An empty list offers the household's size in one tap.
        const size = this.byTestId(`household-size-${household.members.length}`);
        if (present === 0 && (await size.count()) > 0) {
          await size.click();
          await this.page.waitForFunction((n) => document.querySelectorAll(".member-card").length === n, household.members.length);
          present = household.members.length;
          this.addTaps += 1;
        }
        while (present < household.members.length) {
          this.addTaps += 1;
          await this.byTestId("add-member").click();
          await this.page.waitForFunction((n) => document.querySelectorAll(".member-card").length > n, present);
          present += 1;
        }
      } else if (key.startsWith("member:")) {
        const index = Number(key.split(":")[1]);
        const member = household.members[index];
        const scoped = Object.fromEntries(Object.entries(member).map(([f, v]) => [`members[${index}].${f}`, v]));
        await this.answerScreen(scoped);
      } else {
        await this.answerScreen(household.answers);
      }
      await this.continue();
    }
    throw new Error(`never reached ${stopAt}`);
  }

  /** The verdict's class (`poor`, `near_poor`, `not_poor`, `undetermined`). */
  verdictClass() {
    return this.byTestId("verdict").first().getAttribute("data-class");
  }

  verdictText() {
    return this.byTestId("verdict-text").first().textContent();
  }

  /** `{employment: "deprived", ...}` for the household's own edition. */
  async indicatorStatuses() {
    return this.page.evaluate(() => {
      const out = {};
      const list = document.querySelector('[data-testid="indicators"]');
      for (const li of list.querySelectorAll("[data-status]")) {
        out[li.getAttribute("data-testid").replace("indicator-", "")] = li.getAttribute("data-status");
      }
      return out;
    });
  }
}
