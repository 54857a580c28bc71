import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { libreOfficeAvailable, readWithLibreOffice } from "../export-tools";
import { browserAvailable } from "./browser";
import { coalitionSuite, documentText, openAtStart, selectWords } from "./flows";

const FIRST = "The State should protect journalists now.";
const SECOND = "Reprisals continue in Accra.";
const NOTE = "Police report of 2024.";

describe.runIf(browserAvailable())("suggesting mode: a reviewer proposes, the owner decides", () => {
  let owner: Page;
  let reviewer: Page;
  let draftUrl = "";

  coalitionSuite("Joint submission, suggestions", [{ name: "Rita Owusu", email: "rita@example.org", role: "reviewer" }], async (coalition) => {
    ({ owner, draftUrl } = coalition);
    [reviewer] = coalition.members as [Page];
    await openAtStart(owner, draftUrl);
    await owner.keyboard.type(FIRST);
    await owner.keyboard.press("Enter");
    await owner.keyboard.type(SECOND);
    await owner.keyboard.press("Control+Alt+f");
    await owner.getByRole("dialog", { name: /^Footnote \d+$/ }).waitFor();
    await owner.keyboard.type(NOTE);
    await owner.keyboard.press("Escape");
    await owner.getByText("All changes saved").waitFor();
  });

  it("a reviewer starts in Suggesting and cannot switch to Editing", async () => {
    await reviewer.goto(draftUrl);
    await reviewer.locator(".document").getByText("Reprisals continue", { exact: false }).waitFor();
    expect(await reviewer.getByRole("radio", { name: /Suggesting/ }).getAttribute("aria-checked")).toBe("true");
    expect(await reviewer.getByRole("radio", { name: /Editing/ }).isDisabled()).toBe(true);
    expect(await owner.getByRole("radio", { name: /Editing/ }).getAttribute("aria-checked")).toBe("true");
    // The keys switch modes; a reviewer's Ctrl+Alt+Shift+E does nothing.
    await owner.keyboard.press("Control+Alt+Shift+KeyV");
    expect(await owner.getByRole("radio", { name: /Viewing/ }).getAttribute("aria-checked")).toBe("true");
    expect(await owner.locator(".document").getAttribute("contenteditable")).toBe("false");
    await owner.keyboard.press("Control+Alt+Shift+KeyE");
    expect(await owner.getByRole("radio", { name: /Editing/ }).getAttribute("aria-checked")).toBe("true");
    await reviewer.keyboard.press("Control+Alt+Shift+KeyE");
    expect(await reviewer.getByRole("radio", { name: /Suggesting/ }).getAttribute("aria-checked")).toBe("true");
  });

  it("the reviewer replaces words inside the footnote and deletes across two paragraphs; the text stays", async () => {
    // In the footnote, in the notes pane under the page: "2024" becomes "2025".
    await reviewer.locator(".footnotes-pane .note-editor").first().click();
    await selectWords(reviewer, "2024", ".footnotes-pane .note-editor");
    await reviewer.keyboard.type("2025");
    await reviewer.locator(".footnotes-pane .suggestion-insert", { hasText: "2025" }).waitFor();
    expect(await reviewer.locator(".footnotes-pane .suggestion-delete").innerText()).toBe("2024");
    // "now." at the end of the first paragraph through "Reprisals" at the start of the second.
    await reviewer.locator(".document").click();
    await selectWords(reviewer, "now.Reprisals");
    await reviewer.keyboard.press("Delete");
    await expect.poll(() => reviewer.locator(".document .suggestion-delete").allInnerTexts()).toEqual(["now.", "Reprisals"]);
    await reviewer.getByRole("tab", { name: /Comments/ }).click();
    await expect.poll(() => reviewer.locator(".suggestion-card").count(), { timeout: 5000 }).toBe(2);
    // Nothing the reviewer did changed the accepted text, here or at the owner's.
    expect(await documentText(owner)).toContain(FIRST);
    expect(await documentText(owner)).toContain(SECOND);
  });

  it("the owner sees both within a second, accepts the footnote's and rejects the deletion", async () => {
    await owner.getByRole("tab", { name: /Comments/ }).click();
    const replace = owner.locator(".suggestion-card", { hasText: /Replace “2024” with “2025”/ });
    const deletion = owner.locator(".suggestion-card", { hasText: /Delete “/ });
    await replace.waitFor({ timeout: 3000 });
    await deletion.waitFor({ timeout: 3000 });
    expect(await replace.innerText()).toContain("Rita Owusu");
    await expect.poll(() => owner.locator(".status-bar").innerText()).toMatch(/if all suggestions are accepted/);
    await replace.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => owner.locator(".footnotes-pane .note-editor").first().innerText(), { timeout: 5000 }).toBe("Police report of 2025.");
    // Accepting was an ordinary edit of the owner's: Ctrl+Z takes it back, Ctrl+Shift+Z puts it again.
    await owner.locator(".document").click();
    await owner.keyboard.press("Control+z");
    await expect.poll(() => owner.locator(".footnotes-pane .note-editor").first().innerText()).toBe("Police report of 2024.");
    await owner.keyboard.press("Control+Shift+z");
    await expect.poll(() => owner.locator(".footnotes-pane .note-editor").first().innerText()).toBe("Police report of 2025.");
    await deletion.getByRole("button", { name: "Reject" }).click();
    await expect.poll(() => owner.locator(".suggestion-card").count(), { timeout: 5000 }).toBe(0);
    expect(await documentText(owner)).toContain(FIRST);
    expect(await documentText(owner)).toContain(SECOND);
    // The reviewer's page follows: no suggestion left, the note reads as accepted.
    await expect.poll(() => reviewer.locator(".suggestion-insert, .suggestion-delete").count(), { timeout: 5000 }).toBe(0);
    await expect.poll(() => reviewer.locator(".footnotes-pane .note-editor").first().innerText()).toBe("Police report of 2025.");
  });

  it.runIf(libreOfficeAvailable())("the review copy carries an open suggestion as a tracked change and a thread as a comment, and LibreOffice reads both", async () => {
    // A new suggestion and a comment, left open.
    await selectWords(reviewer, "continue");
    await reviewer.keyboard.type("persist");
    await reviewer.locator(".suggestion-card", { hasText: /Replace “continue” with “persist”/ }).waitFor();
    await selectWords(reviewer, "Accra");
    await reviewer.keyboard.press("Control+Alt+KeyM");
    const box = reviewer.getByPlaceholder(/Comment \(@ to mention someone\)/);
    await box.type("Name the district, please.");
    await reviewer.getByRole("button", { name: "Comment", exact: true }).last().click();
    await reviewer.locator(".thread-card", { hasText: "Name the district" }).waitFor();

    // "Connection: close": LibreOffice reads the file for several seconds before the next request,
    // past the server's 5 s keep-alive, and a request sent on the connection the server is closing
    // then fails with ECONNRESET (Playwright's request context does not retry as browsers do).
    const response = await owner.request.get(`${draftUrl}/export?format=docx&variant=review&override=1`, { headers: { connection: "close" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toContain(`filename="Joint-submission-suggestions-review-copy.docx"`);
    const { content, regions, annotations } = readWithLibreOffice(new Uint8Array(await response.body()));
    expect(regions.some((r) => r.includes("<text:deletion>") && r.includes("Rita Owusu") && r.includes("continue"))).toBe(true);
    expect(regions.some((r) => r.includes("<text:insertion>") && r.includes("Rita Owusu"))).toBe(true);
    expect(content).toContain("persist");
    expect(annotations.some((a) => a.includes("Name the district, please."))).toBe(true);
    // A clean copy has neither.
    const clean = await owner.request.get(`${draftUrl}/export?format=docx&override=1`);
    const xml = strFromU8(unzipSync(new Uint8Array(await clean.body()))["word/document.xml"]!);
    expect(xml).not.toContain("persist");
    expect(xml).not.toMatch(/<w:(ins|del) /);
  });

  it("a suggestion whose words someone else changed says so, and can be accepted only after a refresh", async () => {
    // The owner, editing, rewrites the words the reviewer's open suggestion replaces.
    await owner.getByRole("tab", { name: /Comments/ }).click();
    await owner.locator(".suggestion-card", { hasText: /“continue”/ }).waitFor();
    // By its id: once refreshed, the card names other words.
    const id = await owner.locator(".suggestion-card", { hasText: /“continue”/ }).getAttribute("data-thread-id");
    const card = owner.locator(`.suggestion-card[data-thread-id="${id}"]`);
    await selectWords(owner, "continue");
    await owner.keyboard.type("go on");
    await card.getByText("Someone has changed this text since it was suggested").waitFor({ timeout: 5000 });
    expect(await card.getByRole("button", { name: "Accept" }).isDisabled()).toBe(true);
    await card.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => card.getByRole("button", { name: "Accept" }).isDisabled(), { timeout: 5000 }).toBe(false);
    await card.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => documentText(owner), { timeout: 5000 }).toContain("persist");
  });
});
