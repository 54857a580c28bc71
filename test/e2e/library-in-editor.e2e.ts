import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./browser";
import { caretAtEnd, ownerDraftSuite, settle } from "./flows";

describe.runIf(browserAvailable())("the library inside the editor", () => {
  let page: Page;
  ownerDraftSuite({ name: "Lin Wei", email: "lin@example.org", workspace: "China UPR Coalition", draft: "Joint submission on China", template: "UPR joint submission — a coalition", state: "CHN" }, (p) => {
    page = p;
  });

  it("searches the demo library from the Library tab, filtered to the draft's State", async () => {
    await page.getByRole("tab", { name: "Library" }).click();
    const panel = page.getByRole("tabpanel");
    await panel.getByRole("searchbox", { name: "Search recommendations" }).fill("human rights defenders");
    await expect.poll(() => panel.locator(".rec-card").count()).toBeGreaterThan(0);
    const texts = await panel.locator(".rec-card-text").allInnerTexts();
    expect(texts.some((t) => /defenders/i.test(t))).toBe(true);
    expect(await panel.getByText(/Recommendation 186\.\d+ \(/).count()).toBeGreaterThan(0);
    expect(await panel.getByLabel("State under review").inputValue()).toBe("CHN");
  });

  it("inserts recommendation 186.60 as a block with a footnote citing A/HRC/25/5, para. 186.60", async () => {
    const document = page.locator(".document");
    await document.locator("p[data-number]").first().click();
    await settle(page);
    const panel = page.getByRole("tabpanel");
    await panel.getByRole("searchbox", { name: "Search recommendations" }).fill("186.60");
    const insert = panel.getByRole("button", { name: "Insert Recommendation 186.60 (Ghana), A/HRC/25/5, supported" });
    await insert.waitFor();
    await insert.click();

    const block = document.locator("figure[data-recommendation]");
    await block.waitFor();
    expect(await block.locator("blockquote").innerText()).toContain("Keep up its commitment to uphold its human rights treaty obligations");
    expect(await block.locator("figcaption").innerText()).toBe("Recommendation 186.60 (Ghana), A/HRC/25/5, supported");
    // Its footnote is a real note: numbered with the rest, listed in the notes pane, in UN style.
    const marker = block.getByRole("button", { name: /^Footnote \d+$/ });
    await marker.waitFor();
    const notes = page.getByRole("region", { name: "Footnotes" });
    await expect.poll(() => notes.locator("cite").first().innerText()).toBe("A/HRC/25/5, para. 186.60");
    expect(await notes.locator(".footnote-entry").last().innerText()).toContain("A/HRC/25/5, para. 186.60.");
  });

  it("cites a library source in a new footnote and reads the next identical citation as Ibid.", async () => {
    const document = page.locator(".document");
    const paragraph = document.locator("p[data-number]").first();
    await caretAtEnd(paragraph);
    await page.keyboard.press("Control+Alt+f");
    const dialog = page.getByRole("dialog", { name: /^Footnote \d+$/ });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Cite a source" }).click();
    await dialog.getByLabel("Pinpoint (paragraph or page)").fill("para. 186.62");
    await dialog.getByLabel("Search the library's sources").fill("A/HRC/25/5");
    await dialog.getByRole("button", { name: "A/HRC/25/5", exact: true }).click();
    await expect.poll(() => dialog.locator("cite").innerText()).toBe("A/HRC/25/5, para. 186.62");
    await page.keyboard.type(".");
    await page.keyboard.press("Escape");
    // This note now comes before the recommendation's note, which cites the same document alone.
    const notes = page.getByRole("region", { name: "Footnotes" });
    await expect.poll(() => notes.locator("cite").allInnerTexts()).toEqual(["A/HRC/25/5, para. 186.62", "Ibid., para. 186.60"]);
  });
});
