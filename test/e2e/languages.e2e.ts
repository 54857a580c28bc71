import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { seriousViolations } from "./axe";
import { browserAvailable, launchBrowser } from "./browser";
import { createDraft, ownerWithWorkspace, selectWords, settle } from "./flows";
import { box, htmlAttributes, replaceBlockText, submitLanguageCard } from "./languages-flows";

/**
 * The interface in the person's language (issue 19). Other areas translate their own words in
 * parallel, so this suite reads only the shell's and the language card's words (common.*) and
 * otherwise the structure: <html lang dir>, and where things sit on the screen.
 */

const SHOTS = "test-results";
/** A laptop: wide enough for the editor's three columns (70rem). */
const LAPTOP = { width: 1280, height: 720 };
const ARABIC_TEXT = "تعرضت المدافعات عن حقوق الإنسان للمضايقة في أكرا خلال الفترة المشمولة بالاستعراض.";
const ARABIC_COMMENT = "ما المصدر الذي يؤكد ذلك؟";

describe.runIf(browserAvailable())("the interface in French and in Arabic", () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  let draftUrl = "";

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // Signed up and the draft made in English (the shared flows read English labels); the
    // language is changed afterwards, as a person would on the Account page.
    ({ page: owner } = await ownerWithWorkspace(browser, server.url, "Layla Haddad", "layla@example.org", "Lebanon UPR Coalition"));
    await owner.setViewportSize(LAPTOP);
    draftUrl = await createDraft(owner, "Joint submission in Arabic", undefined, "LBN");
    await owner.getByText("All changes saved").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it("a visitor whose browser prefers French gets the sign-in page in French from the first byte", async () => {
    // The server's HTML, before any script runs: already French, so there is no flash of English.
    const response = await fetch(`${server.url}/login`, { headers: { "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(htmlAttributes(html)).toMatchObject({ lang: "fr", dir: "ltr" });
    expect(html).toContain("Aller au contenu");
    expect(html).not.toContain("Skip to content");
    // The shell's words (the page's own are another area's, translated apart).
    const shell = /<header class="topbar">[\s\S]*?<\/header>/.exec(html)?.[0] ?? "";
    for (const words of ["Se connecter", "Créer un compte"]) expect(shell).toContain(words);
    for (const words of ["Sign in", "Create account"]) expect(shell).not.toContain(words);

    // The same in a browser whose language is French, and it stays French once the scripts run.
    const context = await browser.newContext({ locale: "fr-FR" });
    const visitor = await context.newPage();
    await visitor.goto(`${server.url}/login`);
    await visitor.waitForLoadState("networkidle");
    expect(await visitor.locator("html").getAttribute("lang")).toBe("fr");
    const topbar = visitor.locator(".topbar");
    await topbar.getByRole("link", { name: "Se connecter" }).waitFor();
    await topbar.getByRole("link", { name: "Créer un compte" }).waitFor();
    expect(await topbar.innerText()).not.toContain("Sign in");
    await context.close();
  });

  it("a signed-in person chooses العربية on the Account page: the whole interface runs right to left", async () => {
    await owner.goto(`${server.url}/account`);
    const english = { brand: await box(owner.locator(".brand")), nav: await box(owner.locator(".topbar-nav")), bar: await box(owner.locator(".topbar-inner")) };
    expect(english.brand.x).toBeLessThan(english.nav.x);

    const card = owner.locator('[aria-labelledby="language-heading"]');
    await card.getByLabel("Interface language").selectOption("ar");
    await submitLanguageCard(card);
    await owner.locator('html[dir="rtl"]').waitFor({ state: "attached" });
    expect(await owner.locator("html").getAttribute("lang")).toBe("ar");
    await card.getByRole("heading", { name: "اللغة" }).waitFor();
    expect(await owner.locator(".topbar").innerText()).toContain("تسجيل الخروج");

    // The top bar mirrored: the brand on the right, the account's links on the left.
    const arabic = { brand: await box(owner.locator(".brand")), nav: await box(owner.locator(".topbar-nav")), bar: await box(owner.locator(".topbar-inner")) };
    expect(arabic.brand.x).toBeGreaterThan(arabic.nav.x + arabic.nav.width);
    // As far from the bar's right edge as it was from its left edge in English.
    const fromEnd = arabic.bar.x + arabic.bar.width - (arabic.brand.x + arabic.brand.width);
    expect(Math.abs(fromEnd - (english.brand.x - english.bar.x))).toBeLessThan(2);

    // The server's HTML for the next page is Arabic and right to left before any script runs.
    const served = await (await owner.context().request.get(`${server.url}/account`)).text();
    expect(htmlAttributes(served)).toMatchObject({ lang: "ar", dir: "rtl" });
  });

  it("Arabic-Indic digits show in the Account page's example line", async () => {
    const card = owner.locator('[aria-labelledby="language-heading"]');
    await card.locator('input[type="radio"][value="arab"]').check();
    await submitLanguageCard(card);
    await owner.locator('html[dir="rtl"]').waitFor({ state: "attached" });
    await card.getByText("٢٬٨١٥").waitFor();
    expect(await card.innerText()).toContain("ستُكتب الأرقام هكذا: ٢٬٨١٥");
    expect(await card.locator('input[type="radio"][value="arab"]').isChecked()).toBe(true);
  });

  it("the draft page mirrors: side panel on the left, outline on the right, comment markers beside the side panel", async () => {
    await owner.goto(draftUrl);
    await owner.locator('.connection-status[data-state="online"][data-unsaved="0"]').waitFor();
    expect(await owner.locator("html").getAttribute("dir")).toBe("rtl");

    // The draft itself in Arabic (its cover's language), with an Arabic paragraph and a comment on it.
    await owner.locator(".cover-panel > summary").click();
    await owner.locator('.cover-panel select:has(option[value="ar"])').selectOption("ar");
    await owner.locator('.page[lang="ar"][dir="rtl"]').waitFor();
    await replaceBlockText(owner.locator(".document > p").first(), ARABIC_TEXT);
    await selectWords(owner, "المدافعات عن حقوق الإنسان");
    await owner.keyboard.press("Control+Alt+KeyM");
    const composer = owner.locator(".comment-composer textarea");
    await composer.waitFor();
    await composer.fill(ARABIC_COMMENT);
    await owner.locator('.comment-composer button[type="submit"]').click();
    await owner.locator(".thread-card", { hasText: ARABIC_COMMENT }).waitFor();
    await owner.locator(".comment-marker").waitFor();
    await owner.locator('.connection-status[data-state="online"][data-unsaved="0"]').waitFor();
    await owner.evaluate(() => window.scrollTo(0, 0));
    await settle(owner);

    const [outline, page, side, text, marker] = await Promise.all(
      [".outline", ".page", ".side-panel", ".document", ".comment-marker"].map((selector) => box(owner.locator(selector).first())),
    );
    // Mirrored from English: the side column (tabs, comments, checks) left of the page, the outline right of it.
    expect(side!.x + side!.width).toBeLessThanOrEqual(page!.x);
    expect(outline!.x).toBeGreaterThanOrEqual(page!.x + page!.width);
    // The comment's marker in the page's left margin, on the side panel's side, level with its words.
    expect(marker!.x).toBeGreaterThanOrEqual(page!.x);
    expect(marker!.x + marker!.width).toBeLessThanOrEqual(text!.x);
    const highlight = await box(owner.locator(".comment-highlight").first());
    expect(Math.abs(marker!.y - highlight.y)).toBeLessThan(20);

    // The toolbar reads from the right: Undo first (its arrow turned), the footnote button further left.
    const groups = owner.locator(".toolbar > .toolbar-group");
    const [first, last] = [await box(groups.first()), await box(groups.last())];
    expect(first.x).toBeGreaterThan(last.x);
    const undo = groups.first().locator(".tool").first();
    expect(await undo.evaluate((node) => getComputedStyle(node).transform)).toBe("matrix(-1, 0, 0, 1, 0, 0)");
    // The editor bar: who is here on the right, the saved indicator on the left.
    const [presence, saved] = [await box(owner.locator(".editor-bar .presence")), await box(owner.locator(".connection-status"))];
    expect(presence.x).toBeGreaterThan(saved.x);
    // The side tabs start at the panel's right edge.
    const tabs = owner.locator(".side-tabs [role=tab]");
    expect((await box(tabs.first())).x).toBeGreaterThan((await box(tabs.last())).x);

    // The whole page in one window as tall as it, so the sticky bars sit where they belong.
    const height = await owner.evaluate(() => document.documentElement.scrollHeight);
    await owner.setViewportSize({ width: LAPTOP.width, height });
    await settle(owner);
    await owner.screenshot({ path: `${SHOTS}/arabic-draft.png`, fullPage: true });
    await owner.setViewportSize(LAPTOP);
    // Mirrored and translated, still accessible: no serious or critical axe-core violation.
    expect(await seriousViolations(owner, "the Arabic draft page")).toEqual([]);
  });
});
