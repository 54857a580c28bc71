import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { browserAvailable, launchBrowser } from "./browser";
import { ownerWithWorkspace } from "./flows";

const SHOTS = "test-results";
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/library/${name}`, import.meta.url));

describe.runIf(browserAvailable())("the coalition's library in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  let workspaceUrl = "";

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ({ page: owner, workspaceUrl } = await ownerWithWorkspace(browser, server.url, "Amina Diallo", "amina@example.org", "China UPR Coalition"));
  });

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it("an owner imports a UHRI export: confirms the mapping, sees the count and the progress's result", async () => {
    await owner.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Library" }).click();
    await owner.waitForURL(`${workspaceUrl}/library`);
    // The shared library holds the demo records the server loads into an empty database.
    await owner.getByRole("heading", { name: "Library", exact: true }).waitFor();
    await owner.getByRole("link", { name: "Import", exact: true }).click();
    await owner.waitForURL(`${workspaceUrl}/library/import`);

    await owner.getByLabel("Recommendations file").setInputFiles(fixture("uhri-export.csv"));
    await owner.getByRole("button", { name: "Preview" }).click();
    await owner.getByRole("heading", { name: "Step 2: check the columns and the rows" }).waitFor();
    await owner.getByText("Detected a UHRI export file").waitFor();
    expect(await owner.getByLabel("Field for “Reccomending Body”").inputValue()).toBe("body");
    expect(await owner.getByLabel("Field for “Regions Concerned”").inputValue()).toBe("");
    await owner.getByRole("cell", { name: /^A\/HRC\/25\/5, para\. 186\.60 \(Ghana\)$/ }).waitFor();
    await owner.getByText(/^All \d+ recommendations can be imported/).waitFor();

    const importButton = owner.getByRole("button", { name: /^Import \d+ recommendations$/ });
    const count = Number(/\d+/.exec(await importButton.innerText())![0]);
    expect(count).toBeGreaterThan(5);
    await importButton.click();
    await owner.getByText(`Imported ${count} recommendations into the coalition’s library`).waitFor();
    await owner.screenshot({ path: `${SHOTS}/library-import.png`, fullPage: true });
  });

  it("searches the library by reference, finds the record marked as the coalition's, and narrows by a facet", async () => {
    await owner.getByRole("link", { name: "Search the library" }).click();
    await owner.waitForURL(`${workspaceUrl}/library`);
    await owner.getByLabel("Search recommendations").fill("A/HRC/25/5, para. 186.60");
    await owner.getByRole("button", { name: "Search", exact: true }).click();
    await owner.waitForURL(/\/library\?q=A%2FHRC%2F25%2F5/);
    await owner.getByRole("heading", { name: /^\d+ recommendations? for “A\/HRC\/25\/5, para\. 186\.60”/ }).waitFor();
    // The demo's shared copy of the same recommendation may be listed too; the coalition's is marked.
    const card = owner.getByRole("article", { name: /^Recommendation 186\.60 \(Ghana\), A\/HRC\/25\/5/ }).filter({ hasText: "Coalition" });
    await card.waitFor();
    expect(await card.innerText()).toContain("Keep up its commitment to uphold its human rights treaty obligations");

    await owner.goto(`${workspaceUrl}/library`);
    const filters = owner.getByRole("navigation", { name: "Filter recommendations" });
    await filters.getByRole("link", { name: /^CEDAW/ }).click();
    await owner.waitForURL(/\/library\?body=CEDAW$/);
    await expect.poll(async () => (await owner.getByRole("article").allInnerTexts()).every((text) => text.includes("CEDAW"))).toBe(true);
    await filters.getByRole("link", { name: "Clear filters" }).click();
    await owner.waitForURL(/\/library$/);
    await owner.screenshot({ path: `${SHOTS}/library-search.png`, fullPage: true });
  });

  it("without JavaScript, an all-or-nothing import of a file with bad rows writes nothing and lists them", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await owner.context().storageState() });
    const page = await context.newPage();
    await page.goto(`${workspaceUrl}/library/import`);
    await page.getByLabel("Recommendations file").setInputFiles(fixture("malformed.csv"));
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText(/^6 of \d+ rows cannot be imported$/).waitFor();
    // The server kept nothing: the file goes again with the mapping.
    await page.getByLabel("Recommendations file").setInputFiles(fixture("malformed.csv"));
    await page.getByRole("form", { name: "Import recommendations" }).getByLabel("Import nothing until fixed").check();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByText("Nothing was imported").waitFor();
    expect(await page.locator(".row-problems").first().innerText()).toMatch(/Row 3:/);
    await context.close();
  });
});
