import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./browser";
import { caretAtEnd, documentText, ownerDraftSuite, settle } from "./flows";

describe.runIf(browserAvailable())("pre-flight checks in the editor", () => {
  let page: Page;
  ownerDraftSuite({ name: "Kofi Mensah", email: "kofi@example.org", workspace: "Ghana Coalition", draft: "Submission on Ghana", template: "UPR stakeholder submission — one organisation" }, (p) => {
    page = p;
  });

  it("shows the word-limit error when a draft goes over, and clears it when the paragraph goes", async () => {
    await page.getByRole("tab", { name: "Checks" }).click();
    const panel = page.getByRole("tabpanel");
    await expect.poll(() => panel.locator(".checks-count").innerText()).toContain("of 2,815 words");
    expect(await panel.locator("[data-rule='words.over-limit']").count()).toBe(0);

    // A long paragraph pasted into the introduction: 3,000 words.
    const long = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(" ");
    const intro = page.locator(".document p[data-number]").first();
    await intro.click();
    await settle(page);
    await page.locator(".document").evaluate((node, text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      node.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, long);
    const error = panel.locator("[data-rule='words.over-limit']");
    await error.waitFor();
    expect(await error.innerText()).toMatch(/of 2,815 words, footnotes counted: [\d,]+ over/);

    // Select the long paragraph and delete it: the error goes.
    const pasted = page.locator(".document p", { hasText: "word2999" });
    await pasted.click({ clickCount: 3 });
    await page.keyboard.press("Delete");
    await expect.poll(() => error.count()).toBe(0);
    expect(await panel.locator(".checks-count").innerText()).toContain("to spare");
  });

  it("lists a cover without contact as an error and jumps to a symbol that needs fixing, fixing it in one click", async () => {
    const panel = page.getByRole("tabpanel");
    expect(await panel.locator("[data-rule='cover.contact']").count()).toBe(1);
    await caretAtEnd(page.locator(".document p[data-number]").first());
    await page.keyboard.type(" See A/HRC/22/6/add.1 on the responses.");
    const finding = panel.locator("[data-rule='symbol.normalise']");
    await finding.waitFor();
    await finding.getByRole("button", { name: "Write A/HRC/22/6/Add.1" }).click();
    await expect.poll(() => page.locator(".document").innerText()).toContain("See A/HRC/22/6/Add.1 on the responses.");
    await expect.poll(() => finding.count()).toBe(0);
  });

  it("explains a malformed symbol in words and corrects it in one click; an impossible session has no fix", async () => {
    const panel = page.getByRole("tabpanel");
    await caretAtEnd(page.locator(".document p[data-number]").first());
    await page.keyboard.type(" The Committee asked for it (CEDAW/CHN/CO/7-8), as did the Council (A/HRC/255/5).");
    await expect.poll(() => documentText(page)).toContain("as did the Council (A/HRC/255/5).");
    const invalid = panel.locator("[data-rule='symbol.invalid']");
    // The checks follow the text a moment behind the typing: while "A/HRC/25" was a prefix of
    // what was being typed, it was a finding of its own. Wait for the findings of the final text.
    await expect.poll(() => invalid.nth(1).innerText().catch(() => "")).toContain("Session 255 of the Human Rights Council has not taken place");
    expect(await invalid.count()).toBe(2);
    expect(await invalid.first().innerText()).toContain("The Committee's symbols have “/C/” after “CEDAW”");
    expect(await invalid.nth(1).getByRole("button", { name: /^Write / }).count()).toBe(0);
    await invalid.first().getByRole("button", { name: "Write CEDAW/C/CHN/CO/7-8" }).click();
    await expect.poll(() => page.locator(".document").innerText()).toContain("(CEDAW/C/CHN/CO/7-8)");
    await expect.poll(() => invalid.count()).toBe(1);
  });

  it("looks up a cited UPR recommendation number in the library and flags one no report holds", async () => {
    const panel = page.getByRole("tabpanel");
    await caretAtEnd(page.locator(".document p[data-number]").first());
    // The demo library holds China's 2013 review, not Ghana's: no Ghana recommendation 186.60.
    await page.keyboard.type(" Ghana supported recommendation 186.60.");
    const unknown = panel.locator("[data-rule='recommendation.unknown']");
    await unknown.waitFor();
    expect(await unknown.innerText()).toContain("Recommendation 186.60 is not in the library for Ghana's reviews");
  });
});
