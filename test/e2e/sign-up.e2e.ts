import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { readOutbox } from "../outbox";
import { launchBrowser } from "./browser";
import { invite, joinFromInvitation, mailedLink, PASSWORD, signUp } from "./flows";

/**
 * Accounts by invitation (issue 22), in the browser against the production build: a fresh
 * install's first visitor, an invitee, and open sign-up through the mail the server writes.
 */
describe("creating accounts in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe("by invitation (the default)", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ SIGNUP: "invitation" });
    });
    afterAll(async () => {
      if (server) expect(await server.stop()).toBe(0);
    });

    it("the first visitor of a fresh install creates the first account from the home page", async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(server.url);
      await page.getByRole("link", { name: "Create the first account" }).click();
      await page.getByRole("heading", { name: "Create the first account" }).waitFor();
      await signUp(page, "Amina Diallo", "amina@example.org");
      await page.waitForURL(`${server.url}/workspaces`);
      await page.getByLabel("Coalition name").fill("Ghana UPR Coalition");
      await page.getByRole("button", { name: "Create workspace" }).click();
      await page.waitForURL(/\/workspaces\/[0-9a-f-]{36}$/);
      const workspaceUrl = page.url();
      await page.goto(`${workspaceUrl}/members`);
      const link = await invite(page, "rita@example.org", "reviewer");
      // The invitation also went out by mail (here, the outbox), in the inviter's language.
      expect(await mailedLink(server.url, "rita@example.org", "/invite/")).toBe(link);

      // Now nobody can sign up without an invitation, and no page offers it.
      const stranger = await (await browser.newContext()).newPage();
      await stranger.goto(`${server.url}/login`);
      await stranger.getByRole("heading", { name: "Sign in" }).waitFor();
      expect(await stranger.getByRole("link", { name: "Create an account" }).count()).toBe(0);
      await stranger.goto(`${server.url}/signup`);
      await stranger.getByRole("heading", { name: "Accounts are by invitation" }).waitFor();
      expect(await stranger.getByLabel("Password").count()).toBe(0);
      await stranger.goto(server.url);
      // (The page itself; the header's link leads to the same by-invitation page.)
      expect(await stranger.locator("main").getByRole("link", { name: /Create/ }).count()).toBe(0);

      // The invitee creates the account the invitation is for and lands in the workspace.
      const rita = await (await browser.newContext()).newPage();
      await joinFromInvitation(rita, link, "Rita Mensah", "rita@example.org");
      await rita.waitForURL(workspaceUrl);
      await rita.getByText("Your role: Reviewer").waitFor();
    });
  });

  describe("open sign-up (SIGNUP=open, mail into an outbox)", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ SIGNUP: "open" });
    });
    afterAll(async () => {
      if (server) expect(await server.stop()).toBe(0);
    });

    it("asks only the address, answers alike for a taken one, and the mailed link creates the account", async () => {
      const first = await (await browser.newContext()).newPage();
      await first.goto(`${server.url}/signup`);
      await signUp(first, "Amina Diallo", "amina@example.org");
      await first.waitForURL(`${server.url}/workspaces`);

      // A taken address gets the same page; only its mailbox learns it has an account.
      const someone = await (await browser.newContext()).newPage();
      await someone.goto(`${server.url}/login`);
      await someone.getByRole("link", { name: "Create an account" }).click();
      await someone.waitForURL(`${server.url}/signup`);
      await someone.waitForLoadState("networkidle");
      await someone.getByLabel("Email").fill("amina@example.org");
      await someone.getByRole("button", { name: "Send me the link" }).click();
      await someone.getByRole("heading", { name: "Check your inbox" }).waitFor();
      const takenPage = await someone.locator("main").innerText();
      expect(await mailedLink(server.url, "amina@example.org", "/login")).toBe(`${server.url}/login`);

      // A new address: the same page, and a link that creates the account (followed by signUp).
      const kofi = await (await browser.newContext()).newPage();
      await kofi.goto(`${server.url}/signup`);
      await signUp(kofi, "Kofi Mensah", "kofi@example.org");
      await kofi.waitForURL(`${server.url}/workspaces`);
      const mails = await readOutbox(server.outbox);
      expect(mails.filter((m) => m.to === "kofi@example.org").map((m) => m.subject)).toEqual(["Create your Caucus account"]);
      expect(takenPage.replace("amina@example.org", "kofi@example.org")).toContain("We have sent a message to kofi@example.org");

      // The link worked once.
      const link = await mailedLink(server.url, "kofi@example.org", "/signup/confirm/");
      const again = await (await browser.newContext()).newPage();
      const response = await again.goto(link);
      expect(response?.status()).toBe(410);
      await again.getByText("This link has already been used.").waitFor();
      // And the account signs in with its password.
      await again.goto(`${server.url}/login`);
      await again.getByLabel("Email").fill("kofi@example.org");
      await again.getByLabel("Password").fill(PASSWORD);
      await again.getByRole("button", { name: "Sign in", exact: true }).click();
      await again.waitForURL(`${server.url}/workspaces`);
    });
  });
});
