import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { seriousViolations } from "./axe";
import { browserAvailable, launchBrowser } from "./browser";
import { coalitionWithDraft, PASSWORD, signUp, type Coalition } from "./flows";

const STEP_MS = 30_000;
const currentStep = () => Math.floor(Date.now() / STEP_MS);

/** The authenticator app in the test: computes codes from the key the page shows, never reusing a step (the server accepts each once). */
class Authenticator {
  private lastStep = -1;
  constructor(private readonly key: Uint8Array) {}
  static async fromPage(page: Page): Promise<Authenticator> {
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    return new Authenticator(decodeBase32IgnorePadding(secret));
  }
  code(): string {
    // A later step than the last used is accepted within one step of the server's clock.
    this.lastStep = Math.max(currentStep(), this.lastStep + 1);
    return generateHOTP(this.key, BigInt(this.lastStep), 6);
  }
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/login|\/$/);
}

async function passwordStep(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${baseUrl}/login/two-step`);
}

/** From the two-step page: turns the authenticator app on, and returns it with the recovery codes shown once. */
async function setUpAuthenticator(page: Page): Promise<{ app: Authenticator; codes: string[] }> {
  const app = await Authenticator.fromPage(page);
  await page.getByLabel("Code from the app").fill(app.code());
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
  const codes = await page.getByTestId("recovery-codes").locator("li").allTextContents();
  return { app, codes };
}

// Issue 22: a second step after the password (an authenticator app, or a passkey), one-time
// recovery codes, a passkey alone signing in, and an owner requiring two-step of everyone.
describe.runIf(browserAvailable())("two-step sign-in in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let coalition: Coalition;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    coalition = await coalitionWithDraft(browser, server.url, "Joint submission", [{ name: "Kofi Mensah", email: "kofi@example.org", role: "editor" }]);
  });
  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it("sets up an authenticator app, then signs in with password and code, and once with a recovery code", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/signup`);
    await signUp(page, "Leila Haddad", "leila@example.org");
    await page.waitForURL(`${server.url}/workspaces`);
    await page.goto(`${server.url}/account`);
    await page.getByRole("link", { name: "Set up two-step sign-in" }).click();
    await page.waitForURL(`${server.url}/account/two-step`);
    expect(await seriousViolations(page, "two-step set-up")).toEqual([]);
    const { app, codes } = await setUpAuthenticator(page);
    expect(codes).toHaveLength(10);
    expect(await seriousViolations(page, "recovery codes")).toEqual([]);
    await page.getByRole("link", { name: "I have saved them" }).click();
    await page.getByText("Signing in asks for a code from your authenticator app.").waitFor();

    await signOut(page);
    await passwordStep(page, server.url, "leila@example.org");
    expect(await seriousViolations(page, "second step")).toEqual([]);
    await page.getByLabel("Code from your authenticator app").fill("000000");
    await page.getByRole("button", { name: "Continue" }).first().click();
    await page.getByText("That code is not right").waitFor();
    await page.getByLabel("Code from your authenticator app").fill(app.code());
    await page.getByRole("button", { name: "Continue" }).first().click();
    await page.waitForURL(`${server.url}/workspaces`);

    await signOut(page);
    await passwordStep(page, server.url, "leila@example.org");
    await page.getByText("Use a recovery code").click();
    await page.getByLabel("Recovery code").fill(codes[3]!);
    await page.locator("details form").getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`${server.url}/workspaces`);
    await page.context().close();
  });

  it("registers a passkey in a virtual authenticator and signs in with the passkey alone", async () => {
    // WebAuthn needs a domain, not an IP address, as its relying party: the same server, as localhost.
    const base = server.url.replace("127.0.0.1", "localhost");
    const page = await (await browser.newContext()).newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });
    await page.goto(`${base}/signup`);
    await signUp(page, "Tomás Ruiz", "tomas@example.org");
    await page.waitForURL(`${base}/workspaces`);
    await page.goto(`${base}/account/two-step`);
    await page.getByLabel("Name for a new passkey").fill("Work laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    // The first second step brings the recovery codes.
    await page.getByRole("heading", { name: "Your recovery codes" }).waitFor();
    await page.locator(".passkey-list").getByText("Work laptop").waitFor();
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
    expect(await seriousViolations(page, "passkeys")).toEqual([]);

    await signOut(page);
    await page.goto(`${base}/login`);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL(`${base}/workspaces`);
    await page.goto(`${base}/account/two-step`);
    await page.locator(".passkey-list").getByText(/last used/).waitFor();

    // With the password, the passkey is the second step.
    await signOut(page);
    await passwordStep(page, base, "tomas@example.org");
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL(`${base}/workspaces`);
    await page.context().close();
  });

  it("sends a member without two-step to set it up when they open a draft of a workspace that requires it", async () => {
    const { owner, workspaceUrl, draftUrl } = coalition;
    const member = coalition.members[0]!;
    await owner.goto(`${workspaceUrl}/settings`);
    await owner.getByLabel("Require two-step sign-in for everyone").check();
    await owner.getByRole("button", { name: "Save", exact: true }).click();
    await owner.getByText("Saved.", { exact: true }).waitFor();

    await member.goto(workspaceUrl);
    await member.getByText("This workspace requires two-step sign-in").waitFor();
    await member.goto(draftUrl);
    await member.waitForURL(/\/account\/two-step\?required=/);
    await member.getByText("Ghana UPR Coalition requires two-step sign-in").waitFor();
    expect(await seriousViolations(member, "two-step required")).toEqual([]);
    await setUpAuthenticator(member);
    await member.getByRole("link", { name: "I have saved them" }).click();
    await member.waitForURL(draftUrl);
    await member.getByText("All changes saved").waitFor();
  });
});
