import type { Browser, Locator, Page } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, expect } from "vitest";
import { outboxOf, startServer, type RunningServer } from "../app-server";
import { readOutbox } from "../outbox";
import { launchBrowser } from "./browser";

export const PASSWORD = "tea kettle harbour 42";

/**
 * Creates an account from the sign-up page the browser is on, whichever form it shows: the whole
 * form (a fresh install's first account, or an invitation's account, whose address is fixed), or
 * open sign-up's address-only form, after which the confirmation link is read from the server's
 * outbox (test/app-server.ts) and followed.
 */
export async function signUp(page: Page, name: string, email?: string): Promise<void> {
  const nameField = page.getByLabel("Your name");
  const sendLink = page.getByRole("button", { name: "Send me the link" });
  await nameField.or(sendLink).first().waitFor();
  if (await sendLink.isVisible()) {
    if (!email) throw new Error("open sign-up asks for an address: pass signUp an email");
    // Typed before the page hydrates, the address can be lost when React takes the form over.
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Email").fill(email);
    await sendLink.click();
    await page.getByRole("heading", { name: "Check your inbox" }).waitFor();
    await page.goto(await mailedLink(new URL(page.url()).origin, email, "/signup/confirm/"));
    await page.getByLabel("Your name").fill(name);
  } else {
    await nameField.fill(name);
    if (email) await page.getByLabel("Email").fill(email);
  }
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The newest link containing `path` in a mail the server at `origin` wrote to `to` (waits up to 15 s). */
export async function mailedLink(origin: string, to: string, path: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = (await readOutbox(outboxOf(origin))).filter((mail) => mail.to === to.toLowerCase());
    const link = mails
      .map((mail) => /https?:\/\/\S+/.exec(mail.text)?.[0] ?? "")
      .filter((found) => found.includes(path))
      .pop();
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with a ${path} link`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens an invitation link signed out, creates the account it is for, and lands in the workspace. */
export async function joinFromInvitation(page: Page, link: string, name: string, email: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account to join" }).click();
  await page.waitForURL(/\/signup\?/);
  // The invitation fixes the address: shown, not editable.
  expect(await page.getByLabel("Email").inputValue()).toBe(email);
  expect(await page.getByLabel("Email").isEditable()).toBe(false);
  // Creating the account accepts the invitation in the same step.
  await signUp(page, name);
}

/** On the members page: creates an invitation and returns its one-time link. */
export async function invite(page: Page, email: string, role: "editor" | "reviewer" | "viewer"): Promise<string> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await page.getByText(`Invitation for ${email} created`).waitFor();
  return page.getByLabel("One-time invitation link").inputValue();
}

/** A new owner with a workspace: returns the page (signed in) and the workspace URL. */
export async function ownerWithWorkspace(browser: Browser, baseUrl: string, name: string, email: string, workspace: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signup`);
  await signUp(page, name, email);
  await page.waitForURL(`${baseUrl}/workspaces`);
  await page.getByLabel("Coalition name").fill(workspace);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.waitForURL(/\/workspaces\/[0-9a-f-]{36}$/);
  return { context, page, workspaceUrl: page.url() };
}

/** From the workspace's drafts tab: creates a draft from a template and returns its URL. */
export async function createDraft(page: Page, title: string, template = "UPR joint submission — a coalition", state = "GHA"): Promise<string> {
  await page.getByRole("link", { name: "New draft" }).click();
  await page.waitForURL(/\/drafts\/new$/);
  await page.getByRole("radio", { name: new RegExp(`^${template}`) }).check();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("State under review").selectOption(state);
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
  return page.url();
}

export interface Invitee {
  name: string;
  email: string;
  role: "editor" | "reviewer" | "viewer";
}

/**
 * Amina's Ghana coalition with one draft and the given people, each invited and joined in a
 * browser context of their own: the starting point of the editor tests.
 */
export async function coalitionWithDraft(browser: Browser, baseUrl: string, draftTitle: string, invitees: Invitee[]) {
  const created = await ownerWithWorkspace(browser, baseUrl, "Amina Diallo", "amina@example.org", "Ghana UPR Coalition");
  const owner = created.page;
  await owner.goto(`${created.workspaceUrl}/members`);
  const links: string[] = [];
  for (const person of invitees) links.push(await invite(owner, person.email, person.role));
  await owner.goto(created.workspaceUrl);
  const draftUrl = await createDraft(owner, draftTitle);
  const members: Page[] = [];
  for (const [i, person] of invitees.entries()) {
    const page = await (await browser.newContext()).newPage();
    await joinFromInvitation(page, links[i]!, person.name, person.email);
    await page.waitForURL(created.workspaceUrl);
    members.push(page);
  }
  return { owner, draftUrl, workspaceUrl: created.workspaceUrl, members };
}

/** ProseMirror reads the caret from the browser's selectionchange, which fires after a click or key: wait two frames. */
export function settle(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Puts the caret at the very end of `block` (a paragraph or heading). The End key is not enough:
 * in a paragraph that wraps it goes to the end of the clicked visual line, so typing would land
 * mid-paragraph (a CI run once typed "(A/HRC/" in front of a word and read the check in between).
 */
export async function caretAtEnd(block: Locator): Promise<void> {
  await block.click();
  await block.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await settle(block.page());
}

/** The document's text without other people's caret labels. */
export function documentText(page: Page): Promise<string> {
  return page.locator(".document").evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.innerText;
  });
}

export type Coalition = Awaited<ReturnType<typeof coalitionWithDraft>>;

/**
 * One browser suite's world: the production server on a fresh data directory, Chromium, and
 * Amina's coalition with a draft (coalitionWithDraft), made before the suite's tests; `ready`
 * then takes the pages it needs and does its own setup. Closed after the tests, and the server's
 * graceful stop must exit 0. Call inside the suite's describe block.
 */
export function coalitionSuite(draftTitle: string, invitees: Invitee[], ready: (coalition: Coalition) => Promise<void> | void) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await mkdir("test-results", { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    await ready(await coalitionWithDraft(browser, server.url, draftTitle, invitees));
  });
  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });
  return {
    get server(): RunningServer {
      return server!;
    },
  };
}

/** Who signs up and what draft they make, for a suite with one owner in one browser page. */
export interface OwnerDraft {
  name: string;
  email: string;
  workspace: string;
  draft: string;
  template: string;
  state?: string;
}

/**
 * One server, one browser and one owner's draft open in a page for the whole suite, handed to
 * `ready` once it is saved; stopped (and the server's exit code checked) after the suite.
 */
export function ownerDraftSuite(owner: OwnerDraft, ready: (page: Page) => void) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { page } = await ownerWithWorkspace(browser, server.url, owner.name, owner.email, owner.workspace);
    await createDraft(page, owner.draft, owner.template, owner.state);
    await page.getByText("All changes saved").waitFor();
    ready(page);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });
}

/**
 * Selects `words` in the page's text, as a mouse drag would (works in a read-only editor); the
 * words may run across several text nodes (a highlight splits them).
 */
/** Opens the draft once it is saved, with the caret at the start of its text, ready to type. */
export async function openAtStart(page: Page, draftUrl: string): Promise<void> {
  await page.goto(draftUrl);
  await page.getByText("All changes saved").waitFor();
  await page.locator(".document").click();
  await page.keyboard.press("Control+Home");
}

export async function selectWords(page: Page, words: string, root = ".document"): Promise<void> {
  await page.locator(root).first().evaluate((root, target) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const text = nodes.map((n) => n.data).join("");
    const at = text.indexOf(target);
    if (at < 0) throw new Error(`“${target}” is not in the page`);
    // The text node and offset of a character position in the joined text.
    const place = (offset: number): [Text, number] => {
      for (const node of nodes) {
        if (offset <= node.data.length) return [node, offset];
        offset -= node.data.length;
      }
      throw new Error("past the end");
    };
    const range = document.createRange();
    range.setStart(...place(at));
    range.setEnd(...place(at + target.length));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, words);
  // ProseMirror reads the DOM selection on selectionchange, which fires asynchronously.
  await page.waitForTimeout(100);
}
