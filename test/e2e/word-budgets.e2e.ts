import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { browserAvailable } from "./browser";
import { coalitionSuite, openAtStart } from "./flows";

const PARTNER = "Volta Rights Network";
/** Eleven counted words, typed by a member of the partner organisation. */
const SENTENCE = "Detainees in Volta wait months before any court hears their case. ";

describe.runIf(browserAvailable())("word budgets in the browser", () => {
  let owner: Page;
  let partner: Page;
  let draftUrl = "";

  coalitionSuite("Ghana joint submission with shares", [{ name: "Efua Owusu", email: "efua@example.org", role: "editor" }], async (coalition) => {
    ({ owner, draftUrl } = coalition);
    [partner] = coalition.members as [Page];
    // The partner organisation, and Efua writes for it.
    const workspaceUrl = draftUrl.replace(/\/drafts\/.*$/, "");
    await owner.goto(`${workspaceUrl}/organisations`);
    await owner.getByLabel("Name").fill(PARTNER);
    await owner.getByRole("button", { name: "Add organisation" }).click();
    await owner.getByText(PARTNER).first().waitFor();
    await owner.goto(`${workspaceUrl}/members`);
    const organisation = owner.getByLabel("Organisation of Efua Owusu");
    await organisation.selectOption({ label: PARTNER });
    await owner.locator("form", { has: organisation }).getByRole("button", { name: "Save" }).click();
    // Saved once the members page, loaded again, shows it (expect.poll is for tests, not setup).
    await owner.waitForFunction((name) => {
      const select = [...document.querySelectorAll("select")].find((s) => s.id.startsWith("org-") && s.closest("tr")?.textContent?.includes("Efua Owusu"));
      return select?.selectedOptions[0]?.text === name && document.querySelector("form[data-state='submitting']") === null;
    }, PARTNER);
    await owner.waitForLoadState("networkidle");
  });

  it("lets the owner give the partner organisation a share in the Checks tab", async () => {
    await owner.goto(draftUrl);
    await owner.getByText("All changes saved").waitFor();
    await owner.getByRole("tab", { name: "Checks" }).click();
    const budgets = owner.getByTestId("budget-checks");
    await budgets.getByText("No word budgets are set.").waitFor();
    await budgets.getByRole("button", { name: "Set word budgets…" }).click();
    const dialog = owner.getByRole("dialog", { name: "Word budgets" });
    // More than the limit first: the server says why, nothing is saved.
    await dialog.getByLabel(`Words for ${PARTNER}`).fill("6000");
    await dialog.getByText("6,000 words shared out: 370 words more than the limit of 5,630.").waitFor();
    await dialog.getByRole("button", { name: "Save budgets" }).click();
    await dialog.getByText("The organisations' shares add up to 6,000 words: 370 words more than the limit of 5,630.").waitFor();
    expect(await seriousViolations(owner, "the word budgets dialog")).toEqual([]);
    await dialog.getByLabel(`Words for ${PARTNER}`).fill("8");
    await dialog.getByRole("button", { name: "Save budgets" }).click();
    await dialog.getByText("Word budgets saved.").waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();
    await budgets.getByText("Shares by organisation").waitFor();
    expect(await budgets.locator("li", { hasText: PARTNER }).innerText()).toContain("0 of 8");
  });

  it("warns a member of that organisation in the status bar, live, once what they type goes past the share", async () => {
    await openAtStart(partner, draftUrl);
    const status = partner.getByTestId("budget-status");
    await expect.poll(() => status.innerText()).toContain("Your organisation: 0 of 8 words");
    await partner.keyboard.type(SENTENCE);
    // Counted in this browser as the words arrive: 11 words against 8.
    await expect.poll(() => status.innerText()).toContain("Your organisation is 3 words over its share");
    expect(await partner.locator(".status-bar").innerText()).toContain("Your organisation is 3 words over its share");
    expect(await seriousViolations(partner, "the editor with a share over budget")).toEqual([]);
    // Every word here is credited: the template's text is nobody's, and this browser's own are its person's.
    expect(await status.innerText()).not.toContain("still being credited");
  });

  it("shows the owner the partner over its share once the server names the new writer, and lists the shares in the export dialog", async () => {
    const row = owner.getByTestId("budget-checks").locator("li", { hasText: PARTNER });
    // The owner's browser sees the words at once but learns whose they are from the server.
    await expect.poll(() => row.innerText(), { timeout: 30_000 }).toContain("11 of 8 · 3 words over");
    await owner.getByRole("button", { name: "Export", exact: true }).click();
    const exportDialog = owner.getByRole("dialog", { name: "Export the draft" });
    await expect.poll(() => exportDialog.getByTestId("export-shares").innerText(), { timeout: 15_000 }).toContain(`${PARTNER}: 11 of 8 words`);
    await exportDialog.getByRole("button", { name: "Close" }).click();
  });
});
