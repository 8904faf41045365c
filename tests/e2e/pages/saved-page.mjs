//! Page object for the saved-households section: list, export, import, delete.

import { AppPage } from "../support/app-page.mjs";

export class SavedPage extends AppPage {
  async show() {
    await this.byTestId("nav-saved").click();
    await this.byTestId("saved-section").waitFor();
    return this;
  }

  names() {
    return this.byTestId("saved-name").allTextContents();
  }

  /** Exports every household and returns the downloaded text. */
  async exportAll() {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.byTestId("export-all").click()]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString("utf8") };
  }

  /** Imports a file with the given name and text. */
  async importText(name, text) {
    await this.byTestId("import-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text, "utf8") });
    await this.page.waitForFunction(() => document.querySelector('[data-testid="import-message"]')?.textContent.trim().length > 0);
    return this.byTestId("import-message").textContent();
  }

  /** Imports a file whose households are already here: waits for the question and returns its text. */
  async importDuplicates(name, text) {
    await this.byTestId("import-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text, "utf8") });
    await this.byTestId("import-duplicates").waitFor();
    return this.byTestId("import-duplicates").textContent();
  }

  async deleteEverything() {
    await this.byTestId("delete-all").click();
    await this.byTestId("confirm-delete-all").click();
  }
}
