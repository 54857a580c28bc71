import type { Browser, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { browserAvailable } from "./browser";
import { coalitionSuite, invite } from "./flows";

/**
 * axe-core on every page of the app, as the people who see each one: signed out (landing, sign-in,
 * sign-up, an invitation), the owner (workspaces, account, each workspace tab, the library and its
 * import, the Word import, a new draft, the editor with each side tab, the Export dialog, the
 * submitted files) and a reviewer (the read-only editor). Zero serious or critical violations.
 */
describe.runIf(browserAvailable())("accessibility of every page (axe-core)", () => {
  let owner: Page;
  let reviewer: Page;
  let browser: Browser;
  let draftUrl = "";
  let workspaceUrl = "";
  const found: string[] = [];

  const suite = coalitionSuite("Ghana joint submission", [{ name: "Kofi Mensah", email: "kofi@example.org", role: "reviewer" }], (coalition) => {
    ({ owner, draftUrl, workspaceUrl } = coalition);
    [reviewer] = coalition.members as [Page];
    browser = owner.context().browser()!;
  });

  beforeEach(() => {
    found.length = 0;
  });
  const check = async (page: Page, where: string) => {
    found.push(...(await seriousViolations(page, where)));
  };

  it("signed-out pages: landing, sign-in, sign-up, an invitation", async () => {
    const link = await (async () => {
      await owner.goto(`${workspaceUrl}/members`);
      return invite(owner, "esi@example.org", "editor");
    })();
    const visitor = await (await browser.newContext()).newPage();
    for (const path of ["/", "/login", "/signup"]) {
      await visitor.goto(`${suite.server.url}${path}`);
      await check(visitor, path);
    }
    await visitor.goto(link);
    await visitor.getByRole("link", { name: "Create an account to join" }).waitFor();
    await check(visitor, "invitation");
    await visitor.context().close();
    expect(found).toEqual([]);
  });

  it("the owner's pages: workspaces, account, every workspace tab, library, imports, a new draft, a missing page", async () => {
    const pages: Array<[string, string]> = [
      ["workspaces", `${suite.server.url}/workspaces`],
      ["account", `${suite.server.url}/account`],
      ["drafts list", workspaceUrl],
      ["new draft", `${workspaceUrl}/drafts/new`],
      ["Word import", `${workspaceUrl}/drafts/import`],
      ["organisations", `${workspaceUrl}/organisations`],
      ["members", `${workspaceUrl}/members`],
      ["audit log", `${workspaceUrl}/audit`],
      ["settings", `${workspaceUrl}/settings`],
      ["notifications", `${workspaceUrl}/notifications`],
      ["library", `${workspaceUrl}/library`],
      ["library import", `${workspaceUrl}/library/import`],
      ["not found", `${workspaceUrl}/no-such-page`],
    ];
    for (const [where, url] of pages) {
      await owner.goto(url);
      await check(owner, where);
    }
    expect(found).toEqual([]);
  }, 150_000);

  it("the editor with each side tab, the Export dialog, and the reviewer's editor in Suggesting mode", async () => {
    await owner.goto(draftUrl);
    await owner.getByText("All changes saved").waitFor();
    await check(owner, "editor, Guidance");
    for (const tab of ["Library", "Checks", "Comments"]) {
      await owner.getByRole("tab", { name: tab }).click();
      const panel = owner.getByRole("tabpanel");
      // Each tab's content, loaded: results, findings, the comment filters.
      await panel.locator(tab === "Library" ? ".rec-card" : tab === "Checks" ? ".checks-list" : ".comment-filters").first().waitFor();
      await check(owner, `editor, ${tab}`);
    }
    await owner.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = owner.getByRole("dialog", { name: "Export the draft" });
    await dialog.getByText(/— export anyway\?$/).waitFor();
    await check(owner, "Export dialog");
    await dialog.getByRole("button", { name: "Close" }).click();

    await reviewer.goto(draftUrl);
    await reviewer.getByText("Suggesting: what you type is proposed").waitFor();
    await check(reviewer, "reviewer's editor");
    expect(found).toEqual([]);
  }, 120_000);

  it("a submitted draft with its stored file", async () => {
    await owner.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = owner.getByRole("dialog", { name: "Export the draft" });
    await dialog.getByText(/— export anyway\?$/).waitFor();
    await dialog.getByLabel("PDF", { exact: true }).check();
    // The template's placeholders are still in the text: the file is refused until the owner says so.
    await dialog.getByRole("button", { name: "Download PDF" }).click();
    await dialog.getByLabel("Export anyway: I know this file names a confidential organisation").check();
    await check(owner, "Export dialog, refused");
    await dialog.getByRole("button", { name: "Mark as submitted…" }).click();
    await dialog.getByRole("button", { name: "Mark as submitted and store PDF" }).click();
    await dialog.getByText(/^Marked as submitted\./).waitFor({ timeout: 30_000 });
    await dialog.getByRole("button", { name: "Close" }).click();
    await owner.getByRole("region", { name: "Submitted files" }).waitFor();
    await check(owner, "submitted draft");
    expect(found).toEqual([]);
  }, 90_000);
});
