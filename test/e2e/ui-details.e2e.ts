import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./browser";
import { caretAtEnd, coalitionSuite, selectWords, settle } from "./flows";

/** A laptop's screen: what the layout must fit. */
const LAPTOP = { width: 1280, height: 720 };

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not displayed");
  return found;
}

/** WCAG contrast of an element's text against the first opaque background behind it. */
function contrastOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r!, g!, b!].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
    };
    let back: Element | null = element;
    while (back && (rgb(getComputedStyle(back).backgroundColor)[3] === 0 || getComputedStyle(back).backgroundColor === "transparent")) back = back.parentElement;
    const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(rgb(back ? getComputedStyle(back).backgroundColor : "rgb(255,255,255)"))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

/** The sticky toolbar's bottom edge on screen, and the status bar's top. */
async function clearArea(page: Page) {
  const toolbar = await box(page.getByRole("toolbar", { name: "Formatting" }));
  const status = await box(page.getByRole("region", { name: "Word count" }));
  return { top: toolbar.y + toolbar.height, bottom: status.y };
}

describe.runIf(browserAvailable())("the small things a careful user notices", () => {
  let owner: Page;
  let reviewer: Page;
  let draftUrl = "";
  let workspaceUrl = "";

  coalitionSuite("Ghana joint submission", [{ name: "Kofi Mensah", email: "kofi@example.org", role: "reviewer" }], async (coalition) => {
    ({ owner, draftUrl, workspaceUrl } = coalition);
    [reviewer] = coalition.members as [Page];
    for (const page of [owner, reviewer]) await page.setViewportSize(LAPTOP);
    await owner.goto(draftUrl);
    await owner.getByText("All changes saved").waitFor();
  });

  it("shows the first line of the draft at 1280×720 without scrolling", async () => {
    const firstLine = owner.locator(".document > *").first();
    await firstLine.waitFor();
    const line = await box(firstLine);
    const area = await clearArea(owner);
    expect(await owner.evaluate(() => window.scrollY)).toBe(0);
    expect(line.y).toBeGreaterThanOrEqual(area.top);
    expect(line.y + Math.min(line.height, 40)).toBeLessThanOrEqual(area.bottom);
  });

  it("says the library has nothing on Ghana yet, shows every State, and points the owner to the import", async () => {
    await owner.getByRole("tab", { name: "Library" }).click();
    const panel = owner.getByRole("tabpanel");
    await panel.getByText("The library has nothing on Ghana yet").waitFor();
    await expect.poll(() => panel.locator(".rec-card").count()).toBeGreaterThan(0);
    expect(await panel.getByLabel("State under review").inputValue()).toBe("");
    expect(await panel.getByText(/^0 recommendations/).count()).toBe(0);
    const importLink = panel.getByRole("link", { name: "Import a UHRI or UPR Info export" });
    expect(await importLink.getAttribute("href")).toBe(`${new URL(workspaceUrl).pathname}/library/import`);

    // The filters are open (the State's among them): nothing reaches past the side panel.
    const side = owner.locator(".side-panel");
    const sideBox = await box(side);
    expect(await side.evaluate((node) => node.scrollWidth - node.clientWidth)).toBe(0);
    for (const select of await panel.locator("select").all()) {
      const b = await box(select);
      expect(b.x + b.width).toBeLessThanOrEqual(sideBox.x + sideBox.width);
    }
  });

  it("tells a reviewer, who may not import, who can", async () => {
    await reviewer.goto(draftUrl);
    await reviewer.getByRole("tab", { name: "Library" }).click();
    const panel = reviewer.getByRole("tabpanel");
    await panel.getByText("Someone who may edit this workspace can import the recommendations made to Ghana").waitFor();
    expect(await panel.getByRole("link", { name: /Import/ }).count()).toBe(0);
  });

  it("keeps the reviewer's side tabs clear of the toolbar while the text scrolls", async () => {
    await reviewer.evaluate(() => window.scrollTo(0, 600));
    await settle(reviewer);
    const toolbar = await box(reviewer.getByRole("toolbar", { name: "Formatting" }));
    const tabs = await box(reviewer.getByRole("tablist", { name: "Beside the draft" }));
    expect(tabs.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
    // What is drawn at the middle of a tab is the tab.
    const tab = await box(reviewer.getByRole("tab", { name: "Library" }));
    const hit = await reviewer.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest("[role=tab]")?.textContent ?? null, [tab.x + tab.width / 2, tab.y + tab.height / 2]);
    expect(hit).toBe("Library");
  });

  it("Go to from a check lands below the sticky bars and marks the target for a moment", async () => {
    await owner.getByRole("tab", { name: "Checks" }).click();
    const goTo = owner.getByRole("tabpanel").getByRole("button", { name: "Go to" }).first();
    await goTo.waitFor();
    await owner.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await goTo.click();
    const target = owner.locator(".document .go-to-target").first();
    await target.waitFor();
    await expect.poll(async () => (await box(target)).y - (await clearArea(owner)).top, { timeout: 3000 }).toBeGreaterThanOrEqual(0);
    const area = await clearArea(owner);
    expect((await box(target)).y).toBeLessThan(area.bottom);
    // The mark fades: it is gone after a couple of seconds.
    await expect.poll(() => owner.locator(".go-to-target").count(), { timeout: 4000 }).toBe(0);
  });

  it("an outline heading, with reduced motion, lands below the sticky bars at once, marked without animation", async () => {
    await owner.emulateMedia({ reducedMotion: "reduce" });
    await owner.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await owner.getByRole("navigation", { name: "Outline" }).getByRole("button").first().click();
    const heading = owner.locator(".document h1.go-to-target");
    await heading.waitFor();
    const area = await clearArea(owner);
    const b = await box(heading);
    expect(b.y).toBeGreaterThanOrEqual(area.top);
    expect(b.y).toBeLessThan(area.bottom);
    expect(await heading.evaluate((node) => getComputedStyle(node).animationName)).toBe("none");
    await owner.emulateMedia({ reducedMotion: "no-preference" });
  });

  it("keeps the note popover's source search hidden until Cite a source is pressed", async () => {
    await caretAtEnd(owner.locator(".document p[data-number]").first());
    await owner.keyboard.press("Control+Alt+f");
    const note = owner.getByRole("dialog", { name: /^Footnote \d+$/ });
    await note.waitFor();
    const search = note.getByLabel("Search the library's sources");
    expect(await search.isVisible()).toBe(false);
    await note.getByRole("button", { name: "Cite a source" }).click();
    await search.waitFor();
    expect(await search.isVisible()).toBe(true);
    await owner.keyboard.press("Escape");
  });

  it("a mention leaves one space, and the active filter's count is readable", async () => {
    await reviewer.reload();
    await reviewer.getByText("Suggesting: what you type is proposed").waitFor();
    await selectWords(reviewer, "joint submission");
    await reviewer.keyboard.press("Control+Alt+KeyM");
    const composer = reviewer.getByPlaceholder(/Comment \(@ to mention someone\)/);
    await composer.waitFor();
    await composer.pressSequentially("Ask @Ami");
    await reviewer.getByRole("option").getByRole("button", { name: "Amina Diallo" }).click();
    await composer.pressSequentially(" about the source.");
    expect(await composer.inputValue()).toBe("Ask @Amina Diallo about the source.");
    await reviewer.getByRole("button", { name: "Comment", exact: true }).last().click();
    const thread = reviewer.locator(".thread-card", { hasText: "about the source" });
    await thread.waitFor();
    expect(await thread.locator(".comment-body").innerText()).toBe("Ask @Amina Diallo about the source.");

    const active = reviewer.getByRole("group", { name: "Show threads" }).locator("[aria-pressed=true] .filter-count");
    expect(await active.innerText()).toBe("1");
    expect(await contrastOf(active)).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps the Members table's Remove column in view at 1280×720, with long names", async () => {
    await owner.goto(`${workspaceUrl}/organisations`);
    await owner.getByLabel("Name").fill("Coalition of Non-Governmental Organisations for the Rights of the Child in Ghana");
    await owner.getByRole("button", { name: "Add organisation" }).click();
    await owner.goto(`${workspaceUrl}/members`);
    const wrap = owner.locator(".table-wrap").first();
    await wrap.waitFor();
    expect(await wrap.evaluate((node) => node.scrollWidth - node.clientWidth)).toBe(0);
    const remove = owner.getByRole("button", { name: "Remove Kofi Mensah" });
    const card = await box(owner.getByRole("region", { name: "Members" }));
    const b = await box(remove);
    expect(b.x + b.width).toBeLessThanOrEqual(card.x + card.width);
  });
});
