import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./browser";
import { coalitionSuite, documentText } from "./flows";

const SHOTS = "test-results";

/** How many Yjs updates this tab's offline copy (y-indexeddb, "caucus:<user>:<draft>") holds. */
function storedUpdates(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n?.startsWith("caucus:"));
    if (!name) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction("updates").objectStore("updates").count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  });
}

describe.runIf(browserAvailable())("co-editing a draft in the browser", () => {
  let owner: Page;
  let editor: Page;
  let reviewer: Page;
  let draftUrl = "";

  coalitionSuite("Joint submission, 4th cycle", [
      { name: "Kofi Mensah", email: "kofi@example.org", role: "editor" },
      { name: "Rita Owusu", email: "rita@example.org", role: "reviewer" },
    ], async (coalition) => {
    ({ owner, draftUrl } = coalition);
    [editor, reviewer] = coalition.members as [Page, Page];
  });

  it("two editors type in one draft and each sees the other's text and caret", async () => {
    await Promise.all([owner.goto(draftUrl), editor.goto(draftUrl)]);
    await owner.getByText("All changes saved").waitFor();
    await owner.locator(".document").click();
    await owner.keyboard.type("Ghana supported recommendation 186.60. ");
    await editor.locator(".document").getByText("186.60", { exact: false }).waitFor();
    await editor.locator(".document").click();
    await editor.keyboard.press("Control+End");
    await editor.keyboard.type("We recommend full implementation.");
    await owner.locator(".document").getByText("full implementation", { exact: false }).waitFor();
    // Each sees the other's named caret.
    await owner.locator(".collaboration-carets__label", { hasText: "Kofi Mensah" }).waitFor();
    await editor.locator(".collaboration-carets__label", { hasText: "Amina Diallo" }).waitFor();
    await owner.screenshot({ path: `${SHOTS}/coediting.png`, fullPage: true });
    expect(await documentText(owner)).toBe(await documentText(editor));
  });

  it("undo takes back only your own typing", async () => {
    // Yjs groups edits less than 500 ms apart into one undo step; pause so this one stands alone.
    await editor.waitForTimeout(700);
    await editor.keyboard.type(" Kofi's sentence.");
    await owner.locator(".document").getByText("Kofi's sentence.", { exact: false }).waitFor();
    await owner.keyboard.type(" Amina's sentence.");
    await editor.locator(".document").getByText("Amina's sentence.", { exact: false }).waitFor();
    await editor.keyboard.press("Control+z");
    await expect.poll(() => documentText(owner)).not.toContain("Kofi's sentence.");
    const text = await documentText(owner);
    expect(text).toContain("Amina's sentence.");
    expect(text).toContain("We recommend full implementation.");
  });

  it("a reviewer sees the live text in Suggesting mode, is told what that means, cannot edit, and still shows up in presence", async () => {
    await reviewer.goto(draftUrl);
    await reviewer.locator(".document").getByText("full implementation", { exact: false }).waitFor();
    await reviewer.getByText("Suggesting: what you type is proposed, not applied, until an editor accepts it.").waitFor();
    expect(await reviewer.getByRole("radio", { name: /Editing/ }).isDisabled()).toBe(true);
    // Viewing is the read-only page, with the reason beside the disabled tools.
    await reviewer.getByRole("radio", { name: /Viewing/ }).click();
    expect(await reviewer.locator(".document").getAttribute("contenteditable")).toBe("false");
    await reviewer.getByText("Read-only: as reviewer you can read this draft and comment on it, not edit it.").waitFor();
    expect(await reviewer.getByRole("button", { name: /^Bold/ }).isDisabled()).toBe(true);
    await reviewer.getByRole("radio", { name: /Suggesting/ }).click();
    await owner.getByRole("list", { name: /3 people in this draft/ }).waitFor();
    await reviewer.screenshot({ path: `${SHOTS}/reviewer.png`, fullPage: true });
  });

  it("keeps typing offline, keeps it across a reload, and merges on reconnect", async () => {
    let online = true;
    const open: Array<{ close: (options?: { code?: number; reason?: string }) => Promise<void> }> = [];
    await editor.context().routeWebSocket(/\/collab\//, (ws) => {
      if (!online) {
        void ws.close({ code: 4000, reason: "offline" });
        return;
      }
      ws.connectToServer();
      open.push(ws);
    });
    await editor.reload();
    await editor.getByText("All changes saved").waitFor();

    online = false;
    for (const ws of open.splice(0)) await ws.close({ code: 4000, reason: "offline" });
    await editor.getByText("Offline — all changes saved").waitFor();
    await editor.locator(".document").click();
    await editor.keyboard.press("Control+End");
    const before = await storedUpdates(editor);
    await editor.keyboard.type(" Typed in a tunnel.");
    // Reload only once IndexedDB holds every keystroke (one update each): y-indexeddb writes
    // asynchronously, and a reload on a busy machine could otherwise outrun the last writes.
    await expect.poll(() => storedUpdates(editor), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + " Typed in a tunnel.".length);
    // Each keystroke is a change, and the count is kept with them for the next page.
    await editor.getByText(`Offline — ${" Typed in a tunnel.".length} changes kept on this device`).waitFor();
    await editor.waitForTimeout(600);
    await editor.reload();
    // The reloaded tab has never reached the server, yet the offline sentence is there.
    await editor.locator(".document").getByText("Typed in a tunnel.", { exact: false }).waitFor();
    await editor.getByText(`Offline — ${" Typed in a tunnel.".length} changes kept on this device`).waitFor();
    expect(await documentText(owner)).not.toContain("Typed in a tunnel.");

    online = true;
    await owner.locator(".document").getByText("Typed in a tunnel.", { exact: false }).waitFor({ timeout: 15_000 });
    await editor.getByText("All changes saved").waitFor();
  });

  it("stops an open editor within a second when an owner lowers that person's role, and says why", async () => {
    const workspaceUrl = draftUrl.replace(/\/drafts\/.*$/, "");
    await owner.goto(`${workspaceUrl}/members`);
    const row = owner.getByRole("form", { name: "Role of Kofi Mensah" });
    await row.getByLabel("Role of Kofi Mensah").selectOption("reviewer");
    const started = Date.now();
    await row.getByRole("button", { name: "Save" }).click();
    await editor.getByText("Editing stopped").waitFor({ timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await editor.locator(".document").getAttribute("contenteditable")).toBe("false");
    await editor.getByText(/an owner changed your role or removed you/).first().waitFor();
    await editor.screenshot({ path: `${SHOTS}/access-changed.png`, fullPage: true });
  });
});
