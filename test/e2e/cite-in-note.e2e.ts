import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./browser";
import { caretAtEnd, ownerDraftSuite } from "./flows";

/** Watches a locator for `ms`: it must never match, not even for a moment. */
async function neverAppears(page: Page, locator: Locator, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    expect(await locator.count()).toBe(0);
    await page.waitForTimeout(50);
  }
}

describe.runIf(browserAvailable())("citing a library source in a note", () => {
  let page: Page;
  ownerDraftSuite({ name: "Lin Wei", email: "lin@example.org", workspace: "China UPR Coalition", draft: "Joint submission on China", template: "UPR joint submission — a coalition", state: "CHN" }, (p) => {
    page = p;
  });

  /** A new note at the end of the first paragraph, its dialog open. */
  async function openNewNote(): Promise<Locator> {
    await caretAtEnd(page.locator(".document p[data-number]").first());
    await page.keyboard.press("Control+Alt+f");
    const dialog = page.getByRole("dialog", { name: /^Footnote \d+$/ });
    await dialog.waitFor();
    return dialog;
  }

  /** A new note after the first paragraph: types `text`, then cites `symbol` at `pinpoint`. */
  async function citeInNewNote(text: string, symbol: string, pinpoint: string): Promise<Locator> {
    const dialog = await openNewNote();
    if (text) await page.keyboard.type(text);
    await dialog.getByRole("button", { name: "Cite a source" }).click();
    await dialog.getByLabel("Pinpoint (paragraph or page)").fill(pinpoint);
    await dialog.getByLabel("Search the library's sources").fill(symbol);
    await dialog.getByRole("button", { name: symbol, exact: true }).click();
    await dialog.locator("cite").waitFor();
    return dialog;
  }

  it("separates the citation from the note's text and leaves the Checks tab without a false 'no longer in the library'", async () => {
    const dialog = await citeInNewNote("Human Rights Watch, World Report 2024", "A/HRC/25/5", "para. 146.52");
    await expect.poll(() => dialog.locator(".note-editor").innerText()).toBe("Human Rights Watch, World Report 2024; A/HRC/25/5, para. 146.52");
    await page.keyboard.press("Escape");

    await page.getByRole("tab", { name: "Checks" }).click();
    const panel = page.getByRole("tabpanel");
    await panel.locator(".checks-count").waitFor();
    await neverAppears(page, panel.locator("[data-rule='footnote.deleted-source']"), 2500);
  });

  it("leaves a link before the citation covering exactly its address", async () => {
    const dialog = await openNewNote();
    // A linked address pasted from a web page, the cursor right after it.
    await dialog.locator(".note-editor").evaluate((node) => {
      const data = new DataTransfer();
      data.setData("text/html", 'Human Rights Watch, <a href="https://www.hrw.org/report">https://www.hrw.org/report</a>');
      data.setData("text/plain", "Human Rights Watch, https://www.hrw.org/report");
      node.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await dialog.locator(".note-editor a").waitFor();
    await dialog.getByRole("button", { name: "Cite a source" }).click();
    await dialog.getByLabel("Pinpoint (paragraph or page)").fill("para. 146.52");
    await dialog.getByLabel("Search the library's sources").fill("A/HRC/25/5");
    await dialog.getByRole("button", { name: "A/HRC/25/5", exact: true }).click();
    await dialog.locator("cite").waitFor();
    await page.keyboard.type(".");
    await expect.poll(() => dialog.locator(".note-editor").innerText()).toBe("Human Rights Watch, https://www.hrw.org/report; A/HRC/25/5, para. 146.52.");
    expect(await dialog.locator(".note-editor a").allInnerTexts()).toEqual(["https://www.hrw.org/report"]);
    expect(await dialog.locator(".note-editor a cite").count()).toBe(0);
    await page.keyboard.press("Escape");
  });

  it("keeps the open Checks tab right while a second source is cited", async () => {
    const panel = page.getByRole("tabpanel");
    const deleted = panel.locator("[data-rule='footnote.deleted-source']");
    const dialog = await citeInNewNote("", "CAT/C/CHN/CO/5", "para. 9");
    await expect.poll(() => dialog.locator(".note-editor").innerText()).toBe("CAT/C/CHN/CO/5, para. 9");
    await neverAppears(page, deleted, 2500);
    await page.keyboard.press("Escape");
  });
});
