import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./browser";
import { coalitionSuite, documentText } from "./flows";

const SHOTS = "test-results";

const status = (page: Page) => page.locator(".connection-status");
const label = (page: Page) => page.locator(".connection-status .connection-label");
/** What screen readers are told: changes of link, not every save. */
const announced = (page: Page) => page.locator(".connection-status").getByRole("status");

// Issue 16: what a person sees is what is saved. The indicator says "saved" only once the
// server stored the change, says "Offline" within 2 s of losing the network, stays in view
// while scrolling; and edits the server refused are shown, can be posted as a comment, and
// never stay on the device as if they were the draft.
describe.runIf(browserAvailable())("the save indicator and refused edits in the browser", () => {
  let owner: Page;
  let editor: Page;
  let draftUrl = "";

  const suite = coalitionSuite("Trust: saved means stored", [{ name: "Kofi Mensah", email: "kofi@example.org", role: "editor" }], async (coalition) => {
    ({ owner, draftUrl } = coalition);
    [editor] = coalition.members as [Page];
  });

  it("says Saving… until the server stored a change, then All changes saved", async () => {
    await Promise.all([owner.goto(draftUrl), editor.goto(draftUrl)]);
    await owner.getByText("All changes saved").waitFor();
    expect(await announced(owner).getAttribute("aria-live")).toBe("polite");
    expect(await announced(owner).textContent()).toBe("Connected: your changes are saved as you type.");
    await owner.locator(".document").click();
    await owner.keyboard.press("Control+End");
    await owner.keyboard.type("Stored before it is called saved.");
    // The server writes every 500 ms: right after typing, the change is sent but not stored.
    expect(await label(owner).textContent()).toBe("Saving…");
    await owner.getByText("All changes saved").waitFor();
  });

  it("says Offline within 2 s of losing the network, counts what waits, and shows nobody else", async () => {
    await editor.getByRole("list", { name: "2 people in this draft" }).waitFor();
    const lostAt = Date.now();
    await editor.context().setOffline(true);
    await editor.getByText("Offline — all changes saved").waitFor({ timeout: 2000 });
    expect(Date.now() - lostAt).toBeLessThan(2000);
    await editor.getByRole("list", { name: "Offline: nobody else is reachable" }).waitFor();
    expect(await announced(editor).textContent()).toMatch(/^Offline: your changes are kept on this device/);
    expect(await editor.locator(".presence .avatar").count()).toBe(1);

    await editor.locator(".document").click();
    await editor.keyboard.press("Control+End");
    await editor.keyboard.type(" Typed offline.");
    await editor.getByText(`Offline — ${" Typed offline.".length} changes kept on this device`).waitFor();
    await editor.screenshot({ path: `${SHOTS}/offline-indicator.png` });

    await editor.context().setOffline(false);
    await editor.getByText("All changes saved").waitFor({ timeout: 15_000 });
    await owner.locator(".document").getByText("Typed offline.", { exact: false }).waitFor();
    await editor.getByRole("list", { name: "2 people in this draft" }).waitFor();
  });

  it("keeps the indicator in view while the text scrolls", async () => {
    await owner.locator(".document").click();
    await owner.keyboard.press("Control+End");
    for (let i = 0; i < 40; i++) await owner.keyboard.insertText(`\nA long paragraph number ${i} to scroll past.`);
    await owner.keyboard.press("Control+End");
    await owner.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await owner.waitForTimeout(200);
    expect(await owner.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const box = await status(owner).boundingBox();
    const viewport = owner.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    await owner.screenshot({ path: `${SHOTS}/indicator-scrolled.png` });
    await owner.getByText("All changes saved").waitFor();
  });

  it("shows what the server refused after a role was lowered offline, posts it as a comment, and resets to the draft", async () => {
    await editor.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.server.url });
    await editor.context().setOffline(true);
    await editor.getByText("Offline — all changes saved").waitFor({ timeout: 2000 });
    await editor.locator(".document").click();
    await editor.keyboard.press("Control+End");
    await editor.keyboard.type(" Written before my role changed.");

    const workspaceUrl = draftUrl.replace(/\/drafts\/.*$/, "");
    const members = await owner.context().newPage();
    await members.goto(`${workspaceUrl}/members`);
    const row = members.getByRole("form", { name: "Role of Kofi Mensah" });
    await row.getByLabel("Role of Kofi Mensah").selectOption("reviewer");
    await Promise.all([members.waitForResponse((r) => r.request().method() === "POST" && r.ok()), row.getByRole("button", { name: "Save" }).click()]);
    await members.close();

    await editor.context().setOffline(false);
    const panel = editor.getByRole("alert").filter({ hasText: "Your changes were not saved" });
    await panel.waitFor({ timeout: 15_000 });
    await panel.getByText("your role was changed to reviewer or viewer", { exact: false }).waitFor();
    await panel.getByText("Written before my role changed.").waitFor();
    // The page shows the draft as stored: the refused words are gone from the text.
    await expect.poll(() => documentText(editor)).not.toContain("Written before my role changed.");
    // As a reviewer now, the page can only suggest: Editing is no longer offered.
    await expect.poll(() => editor.getByRole("radio", { name: /Suggesting/ }).getAttribute("aria-checked")).toBe("true");
    expect(await editor.getByRole("radio", { name: /Editing/ }).isDisabled()).toBe(true);
    // The page reloads its idea of this person's access: the header says what the server says.
    await editor.getByText("Your role: Reviewer").waitFor();
    await editor.screenshot({ path: `${SHOTS}/refused-edits.png`, fullPage: true });

    await panel.getByRole("button", { name: "Copy the changes" }).click();
    expect(await editor.evaluate(() => navigator.clipboard.readText())).toContain("Written before my role changed.");
    await panel.getByRole("button", { name: "Post them as comments" }).click();
    await panel.getByText("Posted as 1 comment where the changes were.").waitFor();
    await owner.reload();
    await owner.getByRole("tab", { name: /Comments/ }).click();
    await owner.getByText("Written before my role changed.", { exact: false }).first().waitFor();

    // After a reload the device shows exactly the server's draft: nothing refused came back.
    await editor.reload();
    await editor.getByText("All changes saved").waitFor();
    expect(await documentText(editor)).toBe(await documentText(owner));
    expect(await documentText(editor)).not.toContain("Written before my role changed.");
  });
});
