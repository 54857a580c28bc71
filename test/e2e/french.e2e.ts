import { unzipSync, strFromU8 } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { seriousViolations } from "./axe";
import { browserAvailable, launchBrowser } from "./browser";
import { caretAtEnd, ownerWithWorkspace, settle } from "./flows";
import { submitLanguageCard } from "./languages-flows";

/**
 * A French-speaking coalition uses Caucus in French from end to end (issue 19): the interface,
 * a UPR draft that starts with the template's French headings, the checks' findings and the
 * word count in French, and a Word file whose cover, footer and notes are printed in French.
 */
describe.runIf(browserAvailable())("a coalition working in French", () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  let workspaceUrl = "";
  let draftUrl = "";

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // Signed up with the shared (English) flows; then the person chooses French, as on any day.
    ({ page: owner, workspaceUrl } = await ownerWithWorkspace(browser, server.url, "Awa Diallo", "awa@example.org", "Coalition sénégalaise pour l'EPU"));
    await owner.goto(`${server.url}/account`);
    const card = owner.locator('[aria-labelledby="language-heading"]');
    await card.getByLabel("Interface language").selectOption("fr");
    await submitLanguageCard(card);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it("creates a UPR draft in French that starts with French headings", async () => {
    await owner.goto(workspaceUrl);
    expect(await owner.locator("html").getAttribute("lang")).toBe("fr");
    await owner.getByRole("link", { name: "Nouveau projet" }).click();
    await owner.waitForURL(/\/drafts\/new$/);
    await owner.locator('input[name="template"][value="upr-joint"]').check();
    await owner.getByLabel("Titre", { exact: true }).fill("Communication conjointe sur l'espace civique");
    await owner.getByLabel("État examiné", { exact: true }).selectOption("SEN");
    // The submission's language defaults to the interface's.
    expect(await owner.getByLabel("Langue", { exact: true }).inputValue()).toBe("fr");
    await owner.getByRole("button", { name: "Créer le projet" }).click();
    await owner.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    draftUrl = owner.url();
    await owner.getByText("Toutes les modifications sont enregistrées").waitFor();
    const headings = (await owner.locator(".document h1, .document h2").allInnerTexts()).join(" | ");
    expect(headings).toMatch(/Recommandations/);
    expect(headings).toMatch(/Organisations auteurs de la communication/);
    expect(headings).not.toMatch(/Recommendations|Submitting organisations/);
  });

  it("shows the checks, their fixes and the word count in French", async () => {
    const paragraph = owner.locator(".document > p").first();
    await caretAtEnd(paragraph);
    await owner.keyboard.type(" Voir le document A/hrc/25/5.");
    await settle(owner);
    await owner.getByRole("tab", { name: /Vérifications/ }).click();
    const panel = owner.locator(".checks-panel");
    await panel.getByText(/A\/hrc\/25\/5/).first().waitFor();
    const text = await panel.innerText();
    expect(text).toMatch(/mots/);
    expect(text).not.toMatch(/\b(words|warning|error)s?\b/i);
    // A one-click fix, labelled in French, corrects the symbol.
    await panel.getByRole("button", { name: /A\/HRC\/25\/5/ }).first().click();
    await owner.locator(".document", { hasText: "A/HRC/25/5." }).waitFor();
    expect(await seriousViolations(owner, "the French draft page")).toEqual([]);
  });

  it("exports a Word file whose cover and footer are printed in French", async () => {
    const draftPath = new URL(draftUrl).pathname;
    const response = await owner.context().request.get(`${server.url}${draftPath}/export?format=docx&override=1`);
    expect(response.status()).toBe(200);
    const files = unzipSync(new Uint8Array(await response.body()));
    const xml = Object.entries(files)
      .filter(([name]) => /^word\/(document|footer\d*)\.xml$/.test(name))
      .map(([, bytes]) => strFromU8(bytes))
      .join("\n");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("État examiné : Sénégal");
    // The footer's words around Word's PAGE and NUMPAGES fields.
    expect(text).toContain("Page PAGE sur NUMPAGES");
    expect(text).not.toContain("State under review");
  });
});
