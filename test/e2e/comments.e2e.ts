import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./browser";
import { coalitionSuite, openAtStart, selectWords } from "./flows";

const SENTENCE = "The police dispersed the peaceful assembly in Accra.";

describe.runIf(browserAvailable())("review comments in the browser", () => {
  let owner: Page;
  let reviewer: Page;
  let draftUrl = "";

  coalitionSuite("Joint submission, comments", [{ name: "Rita Owusu", email: "rita@example.org", role: "reviewer" }], async (coalition) => {
    ({ owner, draftUrl } = coalition);
    [reviewer] = coalition.members as [Page];
    await openAtStart(owner, draftUrl);
    await owner.keyboard.type(`${SENTENCE} `);
  });

  it("a reviewer comments on selected words and mentions the owner; the owner sees it appear without reloading", async () => {
    await reviewer.goto(draftUrl);
    await reviewer.locator(".document").getByText("peaceful assembly", { exact: false }).waitFor();
    await selectWords(reviewer, "peaceful assembly");
    await reviewer.keyboard.press("Control+Alt+KeyM");
    const box = reviewer.getByPlaceholder(/Comment \(@ to mention someone\)/);
    await box.waitFor();
    await box.type("Which source says so? @Ami");
    await reviewer.getByRole("option").getByRole("button", { name: "Amina Diallo" }).click();
    await box.type("please cite the police statement.");
    await reviewer.getByRole("button", { name: "Comment", exact: true }).last().click();
    await reviewer.locator(".thread-card", { hasText: "please cite the police statement" }).waitFor();

    // The owner's open page (on another tab of the side panel): the highlight and a margin
    // marker level with it arrive over the socket; the marker opens the thread.
    await expect.poll(() => owner.locator(".comment-highlight").innerText(), { timeout: 5000 }).toBe("peaceful assembly");
    const marker = owner.locator(".comment-marker");
    await marker.waitFor();
    const [markerBox, textBox] = [await marker.boundingBox(), await owner.locator(".comment-highlight").boundingBox()];
    expect(Math.abs(markerBox!.y - textBox!.y)).toBeLessThan(20);
    await marker.click();
    const thread = owner.locator(".thread-card.is-active", { hasText: "please cite the police statement" });
    await thread.waitFor();
    await owner.screenshot({ path: "test-results/comments.png", fullPage: true });
    expect(await thread.locator(".mention").innerText()).toBe("@Amina Diallo");
    // The reviewer's socket stayed read-only: the text is unchanged.
    expect(await owner.locator(".document").innerText()).toContain(SENTENCE);
  });

  it("the Checks tab of the joint submission credits the owner's words to their organisation", async () => {
    await owner.getByRole("tab", { name: "Checks" }).click();
    await owner.getByText("Words by organisation").click();
    const row = owner.locator(".checks-sections li", { hasText: "No organisation" });
    await row.waitFor({ timeout: 5000 });
    // Amina belongs to no organisation: the eight words she typed are hers; the template's
    // headings and instructions are nobody's.
    expect(await row.innerText()).toMatch(/^No organisation\s+8 · \d+\s?%$/);
    await owner.locator(".checks-sections li", { hasText: "Template and unknown" }).waitFor();
  });

  it("the mentioned owner finds it in Notifications, and the link opens the thread", async () => {
    const workspaceUrl = draftUrl.replace(/\/drafts\/.*$/, "");
    await owner.goto(workspaceUrl);
    const link = owner.getByRole("link", { name: /Notifications/ });
    expect(await link.locator(".notifications-count").innerText()).toContain("1");
    await link.click();
    await owner.getByText("Rita Owusu", { exact: false }).first().waitFor();
    await owner.getByRole("link", { name: "Joint submission, comments" }).click();
    await owner.waitForURL(/\?thread=/);
    await owner.locator(".thread-card.is-active", { hasText: "please cite the police statement" }).waitFor();
  });

  it("Ctrl+Alt+↓ goes from anywhere in the text to the next thread's words", async () => {
    await owner.locator(".document").click();
    await owner.keyboard.press("Control+Home");
    await owner.keyboard.press("Control+Alt+ArrowDown");
    await expect.poll(() => owner.evaluate(() => window.getSelection()?.toString())).toBe("peaceful assembly");
    await owner.locator(".thread-card.is-active", { hasText: "please cite the police statement" }).waitFor();
  });

  it("the owner replies and resolves; the reviewer sees both live", async () => {
    const thread = owner.locator(".thread-card", { hasText: "please cite the police statement" });
    await thread.getByRole("button", { name: "Reply" }).click();
    await thread.getByPlaceholder(/Reply/).type("Added to note 1.");
    await thread.getByRole("button", { name: "Reply", exact: true }).last().click();
    const seen = reviewer.locator(".thread-card", { hasText: "Added to note 1." });
    await seen.waitFor({ timeout: 5000 });

    await owner.locator(".thread-card", { hasText: "Added to note 1." }).getByRole("button", { name: "Resolve" }).click();
    await expect.poll(() => reviewer.locator(".thread-card", { hasText: "Added to note 1." }).count(), { timeout: 5000 }).toBe(0);
    await reviewer.getByRole("button", { name: /^Resolved/ }).click();
    await reviewer.locator(".thread-card.is-resolved", { hasText: "Added to note 1." }).waitFor();
    // Resolved threads are not highlighted in the text.
    expect(await owner.locator(".comment-highlight").count()).toBe(0);
  });

  it("a thread whose text is deleted moves to the detached list with its quote", async () => {
    await owner.getByRole("button", { name: /^Resolved/ }).click();
    await owner.locator(".thread-card", { hasText: "Added to note 1." }).getByRole("button", { name: "Reopen" }).click();
    await owner.getByRole("button", { name: /^Open/ }).click();
    await owner.locator(".comment-highlight").waitFor();
    await selectWords(owner, "the peaceful assembly ");
    await owner.keyboard.press("Backspace");
    const detached = owner.getByRole("region", { name: "Detached threads" });
    await detached.getByText("“peaceful assembly”").waitFor({ timeout: 5000 });
    await reviewer.getByRole("button", { name: /^Open/ }).click();
    await reviewer.getByRole("region", { name: "Detached threads" }).getByText("“peaceful assembly”").waitFor({ timeout: 5000 });
  });

  it("an undo brings the words back as new text, and the thread finds them by its quote", async () => {
    await owner.keyboard.press("Control+z");
    await expect.poll(() => owner.locator(".comment-highlight").innerText(), { timeout: 5000 }).toBe("peaceful assembly");
    expect(await owner.getByRole("region", { name: "Detached threads" }).count()).toBe(0);
    await expect.poll(() => reviewer.locator(".comment-highlight").count(), { timeout: 5000 }).toBe(1);
  });
});
