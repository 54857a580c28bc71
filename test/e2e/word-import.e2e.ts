import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { COMMENT_TEXT, handTypedDocx, TYPED_PARAGRAPHS } from "../fixtures/import/other-tools";
import { browserAvailable, launchBrowser } from "./browser";
import { caretAtEnd, ownerWithWorkspace } from "./flows";

const SHOTS = "test-results";

describe.runIf(browserAvailable())("a Word file checked, then imported as a draft", () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  let workspaceUrl = "";
  let file: { name: string; mimeType: string; buffer: Buffer };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ page: owner, workspaceUrl } = await ownerWithWorkspace(browser, server.url, "Amina Diallo", "amina@example.org", "Ghana UPR Coalition"));
    file = { name: "Ghana joint submission.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(await handTypedDocx()) };
  });

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it("checks the file against the joint UPR template's rules without making a draft", async () => {
    await owner.getByRole("link", { name: "From a Word file" }).click();
    await owner.waitForURL(/\/drafts\/import$/);
    await owner.getByLabel("Word file (.docx)").setInputFiles(file);
    await owner.getByLabel("Template (the mechanism's rules)").selectOption("upr-joint");
    await owner.getByRole("button", { name: "Check the file" }).click();
    const report = owner.getByRole("region", { name: /^Pre-flight checks for/ });
    await report.waitFor();
    expect(await report.innerText()).toMatch(/of 5,630 words · footnotes counted · [\d,]+ to spare/);
    expect(await report.locator(".check-findings li").count()).toBeGreaterThan(0);
    await owner.screenshot({ path: `${SHOTS}/word-check.png`, fullPage: true });
    // Checking stored nothing: the drafts list is still empty.
    await owner.goto(workspaceUrl);
    await owner.getByText("No drafts yet").waitFor();
  });

  it("imports it after a check: the report, then the draft with its numbered paragraphs, footnotes and the Word comment as a thread", async () => {
    await owner.goto(`${workspaceUrl}/drafts/import`);
    await owner.getByLabel("Word file (.docx)").setInputFiles(file);
    await owner.getByLabel("Template (the mechanism's rules)").selectOption("upr-joint");
    // Check first, then import the same file: the page keeps the chosen file across the check.
    await owner.getByRole("button", { name: "Check the file" }).click();
    await owner.getByRole("region", { name: /^Pre-flight checks for/ }).waitFor();
    await owner.getByLabel("State under review").selectOption("GHA");
    await owner.getByRole("button", { name: "Import as a new draft" }).click();
    const imported = owner.getByRole("region", { name: "Import report" });
    await imported.waitFor({ timeout: 30_000 });
    const text = await imported.innerText();
    expect(text).toContain("“Ghana joint submission” was made from Ghana joint submission.docx");
    expect(text).toMatch(/3 numbered paragraphs, 4 footnotes, 1 heading imported\./);
    expect(text).toContain("1 endnote became a footnote");
    expect(text).toContain("3 paragraphs had their numbers typed as text; Caucus numbers them now.");
    // Its tracked change is kept as a suggestion under its Word author's name, not accepted.
    expect(text).toContain("1 tracked change became a suggestion to accept or reject in the draft, each under its Word author's name: Amina (1).");
    expect(text).toContain("1 Word comment became 1 comment thread. Each keeps its Word author's name.");
    expect(text).toMatch(/Pre-flight checks for UPR joint submission/);
    await owner.screenshot({ path: `${SHOTS}/word-import-report.png`, fullPage: true });

    await imported.getByRole("link", { name: "Open the draft" }).click();
    await owner.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    const document = owner.locator(".document");
    for (const [i, paragraph] of TYPED_PARAGRAPHS.entries()) {
      await expect.poll(() => document.locator(`p[data-number='${i + 1}']`).innerText()).toContain(paragraph);
    }
    const notes = owner.getByRole("region", { name: "Footnotes" });
    await expect.poll(() => notes.locator("li").count()).toBe(4);
    expect(await notes.locator("li").first().innerText()).toContain("UPR Info, database");
    await owner.getByRole("button", { name: "Footnote 4" }).waitFor();
    // The comment sits on the words it was made on, under its Word author's name.
    await document.locator(".comment-highlight", { hasText: "Defenders face reprisals" }).waitFor();
    await owner.getByRole("tab", { name: /Comments/ }).click();
    const thread = owner.locator(".thread-card", { hasText: COMMENT_TEXT });
    await thread.waitFor();
    expect(await thread.innerText()).toContain("Amina");
    await owner.screenshot({ path: `${SHOTS}/word-import-draft.png`, fullPage: true });
  });

  it("in the imported draft, makes a fourth-level heading and picks a list style from the toolbar with the keyboard", async () => {
    const document = owner.locator(".document");
    await caretAtEnd(document.locator("p[data-number='3']"));
    await owner.keyboard.press("Enter");
    await owner.keyboard.type("Reprisals against lawyers");
    await owner.getByRole("button", { name: "Heading 4" }).click();
    // The joint UPR template numbers its outline I., A., 1., (a): the fourth level is labelled (a).
    const heading = document.locator("h4", { hasText: "Reprisals against lawyers" });
    await expect.poll(() => heading.getAttribute("data-label")).toBe("(a)");
    await owner.getByRole("navigation", { name: "Outline" }).locator(".outline-level-4", { hasText: "Reprisals against lawyers" }).waitFor();

    await owner.keyboard.press("End");
    await owner.keyboard.press("Enter");
    await owner.keyboard.type("Release the detained lawyers");
    // The menu is a native select: focused, then a typed character picks the first style it starts ("(1) (2) (3)").
    const menu = owner.getByRole("combobox", { name: "List style" });
    await menu.focus();
    await owner.keyboard.type("(");
    await document.locator("ol[data-list-style='decimal-parenthesised']", { hasText: "Release the detained lawyers" }).waitFor();
    expect(await menu.inputValue()).toBe("ordered:decimal-parenthesised");
    // Focus stayed on the menu, so the arrow keys move on to the next style: (a), the UN sub-paragraphs.
    await owner.keyboard.press("ArrowDown");
    await document.locator("ol[data-list-style='lower-alpha']", { hasText: "Release the detained lawyers" }).waitFor();
    await owner.screenshot({ path: `${SHOTS}/word-import-heading4-list-style.png`, fullPage: true });
  });
});
