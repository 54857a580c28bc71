import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { seriousViolations } from "./axe";
import { browserAvailable, launchBrowser } from "./browser";
import { createDraft, ownerWithWorkspace, PASSWORD } from "./flows";

const EMAIL = "amina.sessions@example.org";
const SHARED_OFFLINE = "Offline. This is a shared computer, so nothing is kept here: keep this page open until you are back online, or your latest changes are lost.";

/** The drafts' offline copies this browser holds (y-indexeddb, one database per person and draft). */
const caucusDatabases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? "").filter((name) => name.startsWith("caucus:")));

/** Polls until the browser holds no copy (deletion waits for the editor to let go of its database). */
async function expectNoCopies(page: Page): Promise<void> {
  await expect.poll(() => caucusDatabases(page), { timeout: 10_000 }).toEqual([]);
}

async function signIn(page: Page, baseUrl: string, options: { shared?: boolean } = {}): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  if (options.shared) await page.getByLabel("This is a shared computer").check();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${baseUrl}/workspaces`);
}

async function typeAndSave(page: Page, words: string): Promise<void> {
  await page.locator(".document").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(words);
  await page.getByText("All changes saved").waitFor();
}

// Issue 22: a shared computer keeps nothing. Signing out (here or from another device) deletes
// the drafts' offline copies; a shared-computer sign-in never makes one, and says what going
// offline then means; a new sign-in is told to the person.
describe.runIf(browserAvailable())("signed-in devices, and a browser that keeps nothing", () => {
  let server: RunningServer;
  let browser: Browser;
  let first: BrowserContext;
  let page: Page;
  let draftUrl = "";
  let workspaceUrl = "";

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const owner = await ownerWithWorkspace(browser, server.url, "Amina Diallo", EMAIL, "Devices coalition");
    ({ context: first, page, workspaceUrl } = owner);
    draftUrl = await createDraft(page, "Kept or not");
    await page.getByText("All changes saved").waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it("keeps an offline copy of an open draft, and none after signing out", async () => {
    await typeAndSave(page, " Written on my laptop.");
    expect((await caucusDatabases(page)).length).toBe(1);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/login$/);
    await expectNoCopies(page);
  });

  it("on a shared computer keeps no copy at all, and says what being offline then means", async () => {
    await signIn(page, server.url, { shared: true });
    await page.goto(draftUrl);
    await page.getByText("All changes saved").waitFor();
    await typeAndSave(page, " Typed at the library.");
    expect(await caucusDatabases(page)).toEqual([]);
    await first.setOffline(true);
    await page.locator(".connection-status .connection-label").filter({ hasText: SHARED_OFFLINE }).waitFor({ timeout: 5000 });
    await first.setOffline(false);
    await page.getByText("All changes saved").waitFor();
    expect(await caucusDatabases(page)).toEqual([]);
    await page.goto(`${server.url}/account`);
    await page.locator("li", { hasText: "This device" }).getByText("Shared computer").waitFor();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/login$/);
  });

  it("a second device signs the first out: the first's editor and next page forget its copies", async () => {
    await signIn(page, server.url);
    await page.goto(draftUrl);
    await page.getByText("All changes saved").waitFor();
    const [kept] = await caucusDatabases(page);
    expect(kept).toMatch(/^caucus:[0-9a-f-]{36}:draft\.[0-9a-f-]{36}$/);

    // A copy of a draft this person can no longer read (as after an owner removed them): the
    // next page asks the server, which answers for the open draft only, and the other goes.
    const unreadable = kept!.replace(/draft\.[0-9a-f-]{36}$/, "draft.00000000-0000-4000-8000-000000000000");
    await page.evaluate((name) => new Promise((resolve) => (indexedDB.open(name).onsuccess = (event) => resolve((event.target as IDBOpenDBRequest).result.close()))), unreadable);
    expect((await caucusDatabases(page)).sort()).toEqual([kept, unreadable].sort());
    await page.goto(workspaceUrl);
    await expect.poll(() => caucusDatabases(page), { timeout: 10_000 }).toEqual([kept]);
    await page.goto(draftUrl);
    await page.getByText("All changes saved").waitFor();

    const second = await browser.newContext();
    const phone = await second.newPage();
    await signIn(phone, server.url);
    await phone.goto(`${server.url}/account`);
    expect(await seriousViolations(phone, "account")).toEqual([]);
    const others = phone.locator("[data-session=other]");
    expect(await others.count()).toBe(1);
    await others.getByRole("button", { name: /^Sign out/ }).click();
    await phone.getByText("That device is signed out.").waitFor();
    expect(await phone.locator("[data-session=other]").count()).toBe(0);

    // The open editor hears its session ended and deletes that draft's copy.
    await page.getByText("You were signed out. Sign in again to keep working on this draft.").waitFor({ timeout: 10_000 });
    await expectNoCopies(page);
    // And its next page lands on sign-in.
    await page.goto(workspaceUrl);
    await page.waitForURL(/\/login\?redirectTo=/);
    await expectNoCopies(page);

    // The second device was told of the sign-ins, in the workspace's notifications.
    await phone.goto(`${workspaceUrl}/notifications`);
    const signIn_ = phone.locator(".notification-text", { hasText: "New sign-in:" }).first();
    await signIn_.waitFor();
    expect(await signIn_.textContent()).toMatch(/^(Unread: )?New sign-in: Chrome \d+ on Linux, (now|\d+ minutes? ago), with a password\. Not you\? Review your devices$/);
    await signIn_.getByRole("link", { name: "Review your devices" }).click();
    await phone.waitForURL(/\/account/);
    await second.close();
  });
});
