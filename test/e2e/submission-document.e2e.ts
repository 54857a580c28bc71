import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./browser";
import { coalitionSuite, settle } from "./flows";

const SHOTS = "test-results";

describe.runIf(browserAvailable())("a UPR joint submission from its template", () => {
  let owner: Page;
  let editor: Page;
  let draftUrl = "";

  coalitionSuite("Joint submission on Ghana", [
      { name: "Kofi Mensah", email: "kofi@example.org", role: "editor" },
    ], async (coalition) => {
    ({ owner, draftUrl } = coalition);
    [editor] = coalition.members as [Page];
  });

  it("starts with the template's sections, numbered headings and the word count by its rule", async () => {
    await owner.getByText("All changes saved").waitFor();
    const document = owner.locator(".document");
    await document.locator("h1", { hasText: "Submitting organisations" }).waitFor();
    expect(await document.locator("h1", { hasText: "Introduction" }).getAttribute("data-label")).toBe("III.");
    await expect.poll(() => owner.getByRole("navigation", { name: "Outline" }).getByRole("button").count()).toBeGreaterThan(5);
    await expect.poll(() => owner.getByRole("region", { name: "Word count" }).innerText()).toContain("/ 5,630 words");
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
    await editor.getByText("All changes saved").waitFor();
    await expect.poll(() => editor.locator(".document p[data-number='2']").innerText()).toContain("Criminal Offences Act");
    const editorPane = editor.getByRole("region", { name: "Footnotes" });
    await expect.poll(() => editorPane.locator("li").first().innerText()).toContain("section 104");
    await editorPane.getByRole("textbox", { name: "Text of footnote 1" }).click();
    await editor.keyboard.press("End");
    await editor.keyboard.type(" See also A/HRC/37/16, para. 146.");
    await expect.poll(() => pane.locator("li").first().innerText()).toContain("A/HRC/37/16");
    await owner.screenshot({ path: `${SHOTS}/submission-document.png`, fullPage: true });
    // Escape in the note closes its popover, as a writer does before moving on.
    await owner.keyboard.press("Escape");
    await note.waitFor({ state: "detached" });
  });

  it("turns a pasted Word paragraph's footnote into a Caucus footnote and drops styles and images", async () => {
    const wordHtml = `<html><body><p class=MsoNormal style='color:red;font-family:"Comic Sans MS"'>Arrests rose in 2023.<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference>[1]</span></a> <img src="data:image/png;base64,iVBORw0KGgo="></p>
      <div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> Amnesty International, <i>Annual Report</i>, 2024.</p></div></div></body></html>`;
    // Into the empty paragraph the template left under "Follow-up to the previous review".
    await owner.locator(".document h1[data-section='follow-up'] + p").click();
    await settle(owner);
    await owner.locator(".document").evaluate((node, html) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "Arrests rose in 2023.");
      node.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, wordHtml);
    const pane = owner.getByRole("region", { name: "Footnotes" });
    await expect.poll(() => pane.locator("li").count()).toBe(2);
    // In reading order the pasted note comes after the introduction's: it is note 2.
    expect(await pane.locator("li").nth(1).innerText()).toBe("Amnesty International, Annual Report, 2024.");
    expect(await pane.locator("li").nth(1).locator("em").innerText()).toBe("Annual Report");
    const pasted = owner.locator(".document p", { hasText: "Arrests rose in 2023." });
    expect(await pasted.getAttribute("style")).toBeNull();
    // ProseMirror's own cursor helpers are images too (img.ProseMirror-separator); the pasted one must be gone.
    expect(await owner.locator(".document img:not(.ProseMirror-separator)").count()).toBe(0);
    expect(await pasted.innerText()).not.toContain("[1]");
  });

  it("shares the cover: a session typed by one member appears at the other's", async () => {
    await owner.locator(".cover-panel summary").click();
    expect(await owner.getByLabel("Title", { exact: true }).inputValue()).toBe("Joint submission on Ghana");
    await editor.locator(".cover-panel summary").click();
    await editor.getByLabel("Session or cycle").fill("UPR 4th cycle, 42nd session");
    await editor.getByLabel("Contact").click();
    await expect.poll(() => owner.locator(".cover-panel summary").innerText()).toContain("UPR 4th cycle, 42nd session");
    // The submission's language is the page's: Arabic turns the whole page right to left.
    expect(await owner.locator(".page").getAttribute("lang")).toBe("en");
    await editor.getByLabel("Language of the submission").selectOption("ar");
    await expect.poll(() => owner.locator(".page").getAttribute("dir")).toBe("rtl");
    await editor.getByLabel("Language of the submission").selectOption("en");
    await expect.poll(() => owner.locator(".page").getAttribute("dir")).toBe("ltr");
  });

  it("deletes a note with its marker, and undo brings both back", async () => {
    const pane = owner.getByRole("region", { name: "Footnotes" });
    const notes = () => pane.locator("li").count();
    const before = await notes();
    // Yjs's undo manager groups one person's edits made within 500 ms into one step; let the
    // previous test's paste settle into its own step so undo here takes back only the deletion.
    await owner.waitForTimeout(600);
    const paragraph = owner.locator(".document p[data-number='2']");
    // The paragraph's bottom-right corner puts the caret at its very end, after the marker (which
    // may have wrapped onto a line of its own, where End on the first line would not reach).
    const box = (await paragraph.boundingBox())!;
    await paragraph.click({ position: { x: box.width - 2, y: box.height - 4 } });
    await settle(owner);
    // From the end of the paragraph, the left arrow selects the marker (an atom); Backspace deletes it.
    await owner.keyboard.press("ArrowLeft");
    await owner.keyboard.press("Backspace");
    await expect.poll(notes, { timeout: 5000 }).toBe(before - 1);
    expect(await paragraph.innerText()).toContain("same-sex relations.");
    await owner.keyboard.press("Control+z");
    await expect.poll(notes, { timeout: 5000 }).toBe(before);
    await expect.poll(() => pane.locator("li").first().innerText()).toContain("section 104");
  });

  it("writes one paragraph right to left without breaking the numbering", async () => {
    const paragraph = owner.locator(".document p[data-number='1']");
    await paragraph.click();
    await settle(owner);
    await owner.getByRole("button", { name: "Right to left" }).click();
    await expect.poll(() => paragraph.getAttribute("dir")).toBe("rtl");
    expect(await paragraph.getAttribute("lang")).toBe("ar");
    expect(await paragraph.getAttribute("data-number")).toBe("1");
    const numbers = await owner.locator(".document p[data-number]").evaluateAll((ps) => ps.map((p) => Number(p.getAttribute("data-number"))));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("shows the guidance for the section the cursor is in", async () => {
    await owner.locator(".document h1", { hasText: "Recommendations" }).click();
    const guidance = owner.getByRole("complementary", { name: "Guidance" });
    await guidance.getByText("specific and measurable", { exact: false }).waitFor();
    // The template expects the section; no mechanism rule requires it (decision 014).
    expect(await guidance.locator(".guidance-section .badge").textContent()).toBe("Expected");
  });
});
