import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../app-server";
import { browserAvailable, launchBrowser } from "./browser";
import { createDraft, invite, joinFromInvitation, ownerWithWorkspace } from "./flows";

const SHOTS = "test-results";

describe.runIf(browserAvailable())("a UPR joint submission from its template", () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: Page;
  let editor: Page;
  let draftUrl = "";

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const created = await ownerWithWorkspace(browser, server.url, "Amina Diallo", "amina@example.org", "Ghana UPR Coalition");
    owner = created.page;
    await owner.goto(`${created.workspaceUrl}/members`);
    const editorLink = await invite(owner, "kofi@example.org", "editor");
    await owner.goto(created.workspaceUrl);
    draftUrl = await createDraft(owner, "Joint submission on Ghana");
    editor = await (await browser.newContext()).newPage();
    await joinFromInvitation(editor, editorLink, "Kofi Mensah", "kofi@example.org");
    await editor.waitForURL(created.workspaceUrl);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it("starts with the template's sections, numbered headings and the word count by its rule", async () => {
    await owner.getByText("All changes sent").waitFor();
    const document = owner.locator(".document");
    await document.locator("h1", { hasText: "Submitting organisations" }).waitFor();
    expect(await document.locator("h1", { hasText: "Introduction" }).getAttribute("data-label")).toBe("III.");
    await expect.poll(() => owner.getByRole("navigation", { name: "Outline" }).getByRole("button").count()).toBeGreaterThan(5);
    await expect.poll(() => owner.getByRole("status").filter({ hasText: "/ 5,630 words" }).count()).toBe(1);
  });

  it("numbers a typed paragraph in the margin and a footnote in the text and the notes pane", async () => {
    const document = owner.locator(".document");
    // The introduction's starter paragraph is the first numbered one: replace its instruction.
    const intro = document.locator("p[data-number]").first();
    expect(await intro.getAttribute("data-number")).toBe("1");
    expect(await intro.innerText()).toContain("[Who submits");
    await intro.click({ clickCount: 3 });
    await owner.keyboard.type("This submission covers the period since the third review.");
    await owner.keyboard.press("Enter");
    await owner.keyboard.type("The Criminal Offences Act criminalises consensual same-sex relations.");
    await expect.poll(() => document.locator("p[data-number='1']").innerText()).toContain("since the third review");
    await expect.poll(() => document.locator("p[data-number='2']").innerText()).toContain("Criminal Offences Act");
    await owner.keyboard.press("Control+Alt+f");
    const note = owner.getByRole("dialog", { name: "Footnote 1" });
    await note.waitFor();
    await owner.keyboard.type("Criminal Offences Act, 1960 (Act 29), section 104.");
    const marker = owner.getByRole("button", { name: "Footnote 1" });
    await marker.waitFor();
    const pane = owner.getByRole("region", { name: "Footnotes" });
    await expect.poll(() => pane.locator("li").first().innerText()).toContain("section 104");

    // The co-author sees the numbered paragraph and the note, and edits the note in the pane.
    await editor.goto(draftUrl);
    await editor.getByText("All changes sent").waitFor();
    await expect.poll(() => editor.locator(".document p[data-number='2']").innerText()).toContain("Criminal Offences Act");
    const editorPane = editor.getByRole("region", { name: "Footnotes" });
    await expect.poll(() => editorPane.locator("li").first().innerText()).toContain("section 104");
    await editorPane.getByRole("textbox", { name: "Text of footnote 1" }).click();
    await editor.keyboard.press("End");
    await editor.keyboard.type(" See also A/HRC/37/16, para. 146.");
    await expect.poll(() => pane.locator("li").first().innerText()).toContain("A/HRC/37/16");
    await owner.screenshot({ path: `${SHOTS}/submission-document.png`, fullPage: true });
  });

  it("shows the guidance for the section the cursor is in", async () => {
    await owner.locator(".document h1", { hasText: "Recommendations" }).click();
    await owner.getByRole("complementary", { name: "Guidance" }).getByText("specific and measurable", { exact: false }).waitFor();
  });
});
