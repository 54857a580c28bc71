import type { Browser, Page } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { browserAvailable, launchBrowser } from "./browser";
import { seriousViolations } from "./axe";
import { joinFromInvitation, ownerWithWorkspace } from "./flows";

const LEAD = "Accra Press Forum";
const PARTNER = "Hidden Partners Network";
const FIRST = "Journalists in Accra were detained for their reporting.";

/**
 * Sign-off in the browser (issue 21): the owner names each organisation's focal point (a viewer
 * and a reviewer: signing is not editing), asks for sign-off on the current state named there,
 * both focal points approve in their own browsers, and a change to the text then shows each
 * approval as "signed an earlier version", with the compare one click away, on the page and in
 * the Export dialog.
 */
describe.runIf(browserAvailable())("sign-off by the co-submitting organisations in the browser", () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let owner: Page;
  let kofi: Page;
  let efua: Page;
  let draftUrl = "";
  let workspaceUrl = "";

  beforeAll(async () => {
    await mkdir("test-results", { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const created = await ownerWithWorkspace(browser, server.url, "Amina Diallo", "amina@example.org", "Ghana UPR Coalition");
    owner = created.page;
    workspaceUrl = created.workspaceUrl;
    await owner.goto(`${created.workspaceUrl}/organisations`);
    for (const [name, confidential] of [[LEAD, false], [PARTNER, true]] as const) {
      await owner.getByLabel("Name", { exact: true }).fill(name);
      if (confidential) await owner.getByLabel("Confidential").check();
      await owner.getByRole("button", { name: "Add organisation" }).click();
      await owner.getByText(name, { exact: true }).waitFor();
    }
    const join = async (name: string, email: string, role: "viewer" | "reviewer", organisation: string) => {
      await owner.goto(`${created.workspaceUrl}/members`);
      await owner.getByLabel("Email").fill(email);
      await owner.getByLabel("Role", { exact: true }).selectOption(role);
      await owner.getByLabel("Organisation", { exact: true }).selectOption({ label: organisation });
      await owner.getByRole("button", { name: "Create invitation link" }).click();
      const link = await owner.getByLabel("One-time invitation link").inputValue();
      const page = await (await browser!.newContext()).newPage();
      await joinFromInvitation(page, link, name, email);
      await page.waitForURL(created.workspaceUrl);
      return page;
    };
    kofi = await join("Kofi Mensah", "kofi@example.org", "viewer", LEAD);
    efua = await join("Efua Boateng", "efua@example.org", "reviewer", PARTNER);

    // Focal points, named by the owner on the Organisations page.
    await owner.goto(`${created.workspaceUrl}/organisations`);
    for (const [organisation, person] of [[LEAD, "Kofi Mensah"], [PARTNER, "Efua Boateng"]] as const) {
      const select = owner.getByLabel(`Focal point of ${organisation}`);
      await select.selectOption({ label: person });
      const form = owner.locator("form.focal-point-form", { has: select });
      await Promise.all([owner.waitForResponse((r) => r.url().includes("/organisations") && r.request().method() === "POST"), form.getByRole("button", { name: "Save focal point" }).click()]);
    }
    await owner.reload();
    expect(await owner.getByLabel(`Focal point of ${PARTNER}`).inputValue()).not.toBe("");
    expect(await seriousViolations(owner, "organisations with focal points")).toEqual([]);

    // A joint submission whose cover names both organisations.
    await owner.goto(created.workspaceUrl);
    await owner.getByRole("link", { name: "New draft" }).click();
    await owner.getByRole("radio", { name: /^UPR joint submission — a coalition/ }).check();
    await owner.getByLabel("Title").fill("Ghana: joint submission");
    await owner.getByLabel("State under review").selectOption("GHA");
    await owner.getByRole("checkbox", { name: new RegExp(LEAD) }).check();
    await owner.getByRole("checkbox", { name: new RegExp(PARTNER) }).check();
    await owner.getByRole("button", { name: "Create draft" }).click();
    await owner.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    draftUrl = owner.url();
    await owner.getByText("All changes saved").waitFor();
    await owner.locator(".document").click();
    await owner.keyboard.press("Control+Home");
    await owner.keyboard.type(`${FIRST} `);
    await owner.getByText("All changes saved").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  const signOffTab = async (page: Page) => {
    await page.getByRole("tab", { name: "Sign-off" }).click();
    return page.getByRole("tabpanel");
  };
  const item = (page: Page, organisation: string) => page.getByRole("tabpanel").locator(".sign-off-item", { hasText: organisation });

  it("the owner asks for sign-off on the current state, named there", async () => {
    const panel = await signOffTab(owner);
    await panel.getByText("Nobody has asked for sign-off on this draft yet.").waitFor();
    await panel.getByLabel("Name for the current state").fill("Sent to partners, 12 March");
    await panel.getByLabel("Message to the focal points (optional)").fill("Please read by Friday.");
    await panel.getByRole("button", { name: "Ask for sign-off" }).click();
    await panel.getByText(/^Sign-off asked on “Sent to partners, 12 March” by Amina Diallo/).waitFor();
    for (const organisation of [LEAD, PARTNER]) await item(owner, organisation).getByText("Waiting", { exact: true }).waitFor();
    expect(await seriousViolations(owner, "the Sign-off tab")).toEqual([]);
    // The owner is nobody's focal point: no Approve for them.
    expect(await panel.getByRole("button", { name: "Approve" }).count()).toBe(0);
  });

  it("each focal point approves in their own browser, and the owner's page follows", async () => {
    // Kofi follows his notification, which opens the Sign-off tab; Efua opens the draft.
    await kofi.goto(`${workspaceUrl}/notifications`);
    await kofi.getByText("Amina Diallo asked your organisation to sign off", { exact: false }).waitFor();
    await kofi.getByRole("link", { name: "Ghana: joint submission" }).click();
    await kofi.waitForURL(/\?tab=sign-off$/);
    expect(await kofi.getByRole("tab", { name: "Sign-off" }).getAttribute("aria-selected")).toBe("true");
    await efua.goto(draftUrl);
    for (const [page, organisation] of [[kofi, LEAD], [efua, PARTNER]] as const) {
      const panel = await signOffTab(page);
      await panel.getByText(/^Sign-off asked on “Sent to partners, 12 March”/).waitFor();
      // One's own organisation only: the other organisation's answer is not theirs to give.
      expect(await panel.getByRole("button", { name: "Approve" }).count()).toBe(1);
      if (page === kofi) expect(await seriousViolations(page, "a focal point's Sign-off tab")).toEqual([]);
      await item(page, organisation).getByRole("button", { name: "Approve" }).click();
      await item(page, organisation).getByText("Approved", { exact: true }).waitFor();
    }
    for (const [organisation, person] of [[LEAD, "Kofi Mensah"], [PARTNER, "Efua Boateng"]] as const) {
      await item(owner, organisation).getByText("Approved", { exact: true }).waitFor({ timeout: 10_000 });
      await item(owner, organisation).getByText(new RegExp(`^${person}, .*, on “Sent to partners, 12 March”$`)).waitFor();
    }
    await owner.getByRole("tabpanel").getByText("Every co-submitting organisation has approved the current text.").waitFor();
  });

  it("a change to the text shows each approval as signed on an earlier version, with the compare one click away", async () => {
    await owner.locator(".document").getByText(FIRST).click();
    await owner.keyboard.press("End");
    await owner.keyboard.type(" Two were released in May.");
    await owner.getByText("All changes saved").waitFor();
    for (const organisation of [LEAD, PARTNER]) {
      await item(owner, organisation).getByText("Signed an earlier version: the text has changed since.").waitFor({ timeout: 15_000 });
      const compare = item(owner, organisation).getByRole("link", { name: "Compare that version with now" });
      expect(await compare.getAttribute("href")).toMatch(/\/drafts\/[0-9a-f-]{36}\/compare\?from=[0-9a-f-]{36}&to=now$/);
    }
    await owner.getByRole("tabpanel").getByText("Not every co-submitting organisation has approved the current text yet.").waitFor();

    // A focal point opening the page later reads the same.
    await kofi.reload();
    await signOffTab(kofi);
    await item(kofi, LEAD).getByText("Signed an earlier version: the text has changed since.").waitFor();
    // One click shows what changed since the signed version.
    await item(kofi, LEAD).getByRole("link", { name: "Compare that version with now" }).click();
    await kofi.waitForURL(/\/compare\?from=[0-9a-f-]{36}&to=now$/);
    await expect.poll(async () => (await kofi.locator(".compare-inline ins").allInnerTexts()).join("")).toContain("Two were released in May.");

    // The Export dialog says so too, and offers the owner "Submit anyway".
    await owner.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = owner.getByRole("dialog", { name: "Export the draft" });
    const signOff = dialog.getByRole("region", { name: "Sign-off by the co-submitting organisations" });
    await signOff.getByText("Signed an earlier version: the text has changed since.").first().waitFor();
    expect(await signOff.getByText("Signed an earlier version: the text has changed since.").count()).toBe(2);
    await signOff.getByLabel("Submit anyway without every sign-off").waitFor();
    await owner.screenshot({ path: "test-results/sign-off-export-dialog.png" });
  });
});
