import { mkdir } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { browserAvailable, launchBrowser } from "./browser";
import { createDraft, joinFromInvitation, PASSWORD, signUp } from "./flows";

const SHOTS = "test-results";
describe.runIf(browserAvailable())("a coalition in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let workspaceUrl = "";
  const links: Record<string, string> = {};

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it("an owner signs up, creates a workspace, organisations and a draft, and invites two people", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/signup`);
    await signUp(page, "Amina Diallo", "amina@example.org");
    await page.waitForURL(`${server.url}/workspaces`);

    await page.getByLabel("Coalition name").fill("Ghana UPR Coalition");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL(/\/workspaces\/[0-9a-f-]{36}$/);
    workspaceUrl = page.url();
    await page.getByRole("heading", { level: 1, name: "Ghana UPR Coalition" }).waitFor();

    await page.getByRole("link", { name: "Organisations" }).click();
    await page.getByLabel("Name").fill("Hidden Defenders Network");
    await page.getByLabel("Confidential").check();
    await page.getByRole("button", { name: "Add organisation" }).click();
    await page.getByText("Confidential", { exact: true }).first().waitFor();

    await page.getByRole("link", { name: "Drafts" }).click();
    await createDraft(page, "Joint submission, 4th cycle");
    await page.getByText("UPR submission on Ghana").waitFor();

    await page.goto(`${workspaceUrl}/members`);
    for (const [who, role] of [["rita@example.org", "reviewer"], ["victor@example.org", "viewer"]] as const) {
      await page.getByLabel("Email").fill(who);
      await page.getByLabel("Role", { exact: true }).selectOption(role);
      if (role === "reviewer") await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Hidden Defenders Network" });
      await page.getByRole("button", { name: "Create invitation link" }).click();
      await page.getByText(`Invitation for ${who} created`).waitFor();
      links[role] = await page.getByLabel("One-time invitation link").inputValue();
      expect(links[role]).toMatch(/\/invite\/[a-z2-7]{32}$/);
    }
    expect(links.viewer).not.toBe(links.reviewer);
    await page.screenshot({ path: `${SHOTS}/members.png`, fullPage: true });
    await page.close();
  });

  it("the invited reviewer signs up from the link and lands in the workspace with the right role", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(links.reviewer!);
    await page.getByRole("heading", { name: "Join Ghana UPR Coalition" }).waitFor();
    // Outside the workspace, a confidential organisation stays unnamed.
    expect(await page.content()).not.toContain("Hidden Defenders");
    await page.screenshot({ path: `${SHOTS}/invitation.png`, fullPage: true });
    await joinFromInvitation(page, links.reviewer!, "Rita Mensah", "rita@example.org");
    await page.waitForURL(workspaceUrl);
    await page.getByText("Your role: Reviewer").waitFor();
    await expect(page.getByRole("link", { name: "Members" }).count()).resolves.toBe(0);
    await context.close();
  });

  it("a viewer cannot reach member management, and a stranger cannot see the workspace at all", async () => {
    const viewer = await browser.newContext();
    const page = await viewer.newPage();
    await joinFromInvitation(page, links.viewer!, "Victor Owusu", "victor@example.org");
    await page.waitForURL(workspaceUrl);
    const members = await page.goto(`${workspaceUrl}/members`);
    expect(members?.status()).toBe(403);
    await page.getByRole("heading", { name: "You do not have access to this" }).waitFor();
    await viewer.close();

    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`${server.url}/signup`);
    await signUp(strangerPage, "Sam Stranger", "sam@example.org");
    await strangerPage.waitForURL(`${server.url}/workspaces`);
    const response = await strangerPage.goto(workspaceUrl);
    expect(response?.status()).toBe(404);
    expect(await strangerPage.content()).not.toContain("Ghana UPR Coalition");
    await stranger.close();
  });

  it("refuses a cross-site form post before it reaches any action", async () => {
    const forged = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { origin: "https://attacker.example", "content-type": "application/x-www-form-urlencoded" },
      body: "email=amina%40example.org&password=x",
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health).toEqual({ status: "ok", database: "pglite" });
  });

  it("the owner reads every change in the audit log", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email").fill("amina@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${server.url}/workspaces`);
    await page.goto(`${workspaceUrl}/audit`);
    const log = await page.getByRole("list", { name: "Events, newest first" }).innerText();
    expect(log).toContain("invited rita@example.org as Reviewer");
    expect(log).toContain("joined as Reviewer through an invitation");
    expect(log).toContain("created the draft “Joint submission, 4th cycle”");
    await page.screenshot({ path: `${SHOTS}/audit.png`, fullPage: true });
    await page.close();
  });
});
