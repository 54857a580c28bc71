import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./browser";
import { coalitionSuite } from "./flows";
import { pdfToolsAvailable } from "../export-tools";

const SENTENCE = "Journalists in Accra were detained for their reporting.";
const CONFIDENTIAL = "Hidden Defenders Network";

describe.runIf(browserAvailable() && pdfToolsAvailable())("export and submission in the browser", () => {
  let owner: Page;
  let editor: Page;
  let draftUrl = "";

  coalitionSuite("Ghana joint submission", [{ name: "Kwame Asante", email: "kwame@example.org", role: "editor" }], async (coalition) => {
    ({ owner, draftUrl } = coalition);
    [editor] = coalition.members as [Page];
    // A member the file must not name, named in the text anyway.
    await owner.goto(draftUrl.replace(/\/drafts\/.*$/, "/organisations"));
    await owner.getByLabel("Name").fill(CONFIDENTIAL);
    await owner.getByLabel("Confidential").check();
    await owner.getByRole("button", { name: "Add organisation" }).click();
    await owner.getByText("Confidential", { exact: true }).first().waitFor();
    await owner.goto(draftUrl);
    await owner.getByText("All changes saved").waitFor();
    await owner.locator(".document").click();
    await owner.keyboard.press("Control+Home");
    await owner.keyboard.type(`${SENTENCE} The ${CONFIDENTIAL} confirmed it. `);
    await owner.getByText("All changes saved").waitFor();
    // The co-author has the draft open too, able to type, until it is submitted.
    await editor.goto(draftUrl);
    await editor.locator(".document").getByText(SENTENCE).waitFor();
    expect(await editor.locator(".document").getAttribute("contenteditable")).toBe("true");
  });

  it("lists the mention in the editor's Checks tab, with Go to, and tells the editor only an owner may export it", async () => {
    await editor.getByRole("tab", { name: "Checks" }).click();
    const finding = editor.getByRole("tabpanel").locator("[data-rule='confidential.mention']");
    await finding.waitFor();
    expect(await finding.innerText()).toContain(`This names “${CONFIDENTIAL}”`);
    await finding.getByRole("button", { name: "Go to" }).click();
    await expect.poll(() => editor.evaluate(() => window.getSelection()?.toString())).toBe(CONFIDENTIAL);

    await editor.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = editor.getByRole("dialog", { name: "Export the draft" });
    await dialog.getByText(`This names “${CONFIDENTIAL}”`, { exact: false }).waitFor();
    await dialog.getByText("only an owner of the workspace can export it as it is").waitFor();
    expect(await dialog.getByLabel("Export anyway").count()).toBe(0);
    await dialog.getByRole("button", { name: "Close" }).click();
  });

  it("shows the pre-flight summary, refuses to make a file naming a confidential member until the owner says so, and downloads a PDF", async () => {
    await owner.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = owner.getByRole("dialog", { name: "Export the draft" });
    await dialog.waitFor();
    // A fresh joint submission: no contact on the cover and the template's placeholders are errors (empty sections, warnings).
    const summary = dialog.getByText(/^\d+ errors?, \d+ warnings? — export anyway\?$/);
    await summary.waitFor();
    expect(await dialog.locator(".export-findings li").count()).toBeGreaterThan(0);

    // Named before any file is made: the confidential member and the joint template's placeholders.
    await dialog.getByText(`This names “${CONFIDENTIAL}”`, { exact: false }).waitFor();
    await dialog.getByText("The template's placeholder “[Organisation]” is still in the text", { exact: false }).first().waitFor();

    await dialog.getByLabel("PDF", { exact: true }).check();
    await dialog.getByLabel("Include a table of contents").check();
    await dialog.getByRole("button", { name: "Download PDF" }).click();
    await dialog.getByText(/^Nothing was exported: the draft names a confidential organisation once and keeps \d+ template placeholders/).waitFor();
    await dialog.getByLabel("Export anyway: I know this file names a confidential organisation").check();
    await owner.screenshot({ path: "test-results/export-dialog.png" });
    const [download] = await Promise.all([owner.waitForEvent("download"), dialog.getByRole("button", { name: "Download PDF" }).click()]);
    expect(download.suggestedFilename()).toBe("Ghana-joint-submission.pdf");
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    await dialog.getByText("Downloaded Ghana-joint-submission.pdf.").waitFor();
  });

  it("marks the draft as submitted: the file is stored and listed, and editors become read-only", async () => {
    const dialog = owner.getByRole("dialog", { name: "Export the draft" });
    await dialog.getByRole("button", { name: "Mark as submitted…" }).click();
    await dialog.getByText(/makes the draft read-only for everyone, owners\s+included/).waitFor();
    await dialog.getByRole("button", { name: "Mark as submitted and store PDF" }).click();
    await dialog.getByText(/^Marked as submitted\./).waitFor({ timeout: 30_000 });
    await dialog.getByRole("button", { name: "Close" }).click();
    expect(await dialog.isVisible()).toBe(false);

    // The page lists the stored file (short SHA-256, its full value in the title) and its download.
    const files = owner.getByRole("region", { name: "Submitted files" });
    await files.waitFor();
    const fingerprint = files.locator("code");
    expect(await fingerprint.getAttribute("title")).toMatch(/^[0-9a-f]{64}$/);
    expect(await files.innerText()).toMatch(/PDF[\s\S]*SHA-256[\s\S]*stored by Amina Diallo/);
    await files.getByRole("link", { name: "Download Ghana-joint-submission.pdf" }).waitFor();
    await owner.locator(".page-header").getByText("Submitted", { exact: true }).waitFor();

    // Both editors stop: their sockets were closed, and the page now says the draft is frozen.
    for (const page of [owner, editor]) {
      await expect.poll(() => page.locator(".document").getAttribute("contenteditable"), { timeout: 5000 }).toBe("false");
    }
    await editor.getByText("Editing stopped").waitFor();
    await editor.reload();
    await editor.locator(".document").getByText(SENTENCE).waitFor();
    await editor.getByText("This draft was submitted and is now read-only.").waitFor();
    expect(await editor.locator(".document").getAttribute("contenteditable")).toBe("false");
    expect(await editor.getByRole("button", { name: "Mark as submitted…" }).count()).toBe(0);
  });
});
