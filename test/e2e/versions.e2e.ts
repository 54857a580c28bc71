import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { browserAvailable } from "./browser";
import { caretAtEnd, ownerDraftSuite, selectWords } from "./flows";

const SUMMARY = "Civic space shrank in 2024.";

/** The Executive summary's first paragraph: the template's section heading, then its starter paragraph. */
const summaryParagraph = (page: Page) => page.locator('.document [data-section="executive-summary"] + p');

describe.runIf(browserAvailable())("versions: name, edit, compare, restore one section", () => {
  let page: Page;
  let draftUrl = "";
  ownerDraftSuite(
    { name: "Amina Diallo", email: "amina@example.org", workspace: "Ghana UPR Coalition", draft: "Joint submission, versions", template: "UPR joint submission — a coalition" },
    (ready) => {
      page = ready;
      draftUrl = ready.url();
    },
  );

  it("names the current state, then finds it in the History tab after an edit", async () => {
    await caretAtEnd(summaryParagraph(page));
    await page.keyboard.type(SUMMARY);
    await page.getByText("All changes saved").waitFor();
    await page.getByRole("tab", { name: "History" }).click();
    await page.getByLabel("Name the current version").fill("Sent to partners, 12 March");
    await page.getByRole("button", { name: "Name", exact: true }).click();
    await page.getByText("Version “Sent to partners, 12 March” kept.").waitFor();
    const entry = page.locator(".history-entry", { hasText: "Sent to partners, 12 March" });
    await entry.waitFor();
    expect(await entry.innerText()).toContain("Amina Diallo");
    expect(await seriousViolations(page, "the History tab")).toEqual([]);

    await summaryParagraph(page).click();
    await selectWords(page, "shrank");
    await page.keyboard.type("closed");
    await page.getByText("All changes saved").waitFor();
    expect(await summaryParagraph(page).innerText()).toBe("Civic space closed in 2024.");
  });

  it("compares the named version with now: the changed words inline, in the list, by whom", async () => {
    await page.locator(".history-entry", { hasText: "Sent to partners, 12 March" }).getByRole("link", { name: "Compare with now" }).click();
    await page.waitForURL(/\/compare\?from=[0-9a-f-]{36}&to=now$/);
    await page.locator(".compare-view").waitFor();
    expect((await page.locator(".compare-inline del").allInnerTexts()).join("|")).toMatch(/\bshrank\b/);
    const inserted = page.locator(".compare-inline ins", { hasText: "closed" });
    expect(await inserted.getAttribute("title")).toContain("Amina Diallo");
    expect(await seriousViolations(page, "the compare page")).toEqual([]);
    await page.goBack();
    await page.getByRole("tab", { name: "History" }).click();
  });

  it("opens the version read-only and restores only its Executive summary", async () => {
    await page.locator(".history-entry", { hasText: "Sent to partners, 12 March" }).getByRole("link", { name: "Open" }).click();
    await page.waitForURL(/\/versions\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "Sent to partners, 12 March" }).waitFor();
    expect(await page.locator(".document-view").innerText()).toContain(SUMMARY);
    expect(await seriousViolations(page, "a version's page")).toEqual([]);

    await page.getByLabel("or one section:").selectOption({ label: "Executive summary" });
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Restore this section" }).click();
    await page.getByText("Restored.", { exact: false }).waitFor();
    // Undo, then restore again: the undo puts back today's words, from the version kept just before.
    await page.getByRole("button", { name: "Undo the restore" }).click();
    await page.getByText("The restore is undone", { exact: false }).waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Restore this section" }).click();
    await page.getByText("Restored.", { exact: false }).waitFor();
    await page.getByRole("link", { name: "Open the draft" }).click();
    await page.waitForURL(draftUrl);
    await expect.poll(() => summaryParagraph(page).innerText(), { timeout: 10_000 }).toBe(SUMMARY);

    // The state before the restore is in the history, so the restore can be undone.
    await page.getByRole("tab", { name: "History" }).click();
    // Three restores (one undone and done again), each with the state before it.
    await expect.poll(() => page.locator(".history-entry", { hasText: "Before a restore" }).count()).toBe(3);
  });
});
