import type { Locator } from "playwright-core";
import { settle } from "./flows";

/** Where an element is on the screen; fails when it is not displayed. */
export async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} is not displayed`);
  return found;
}

/** The attributes of the served page's <html> element, read from the server's HTML before any script. */
export function htmlAttributes(html: string): Record<string, string> {
  const tag = /<html\b([^>]*)>/i.exec(html)?.[1] ?? "";
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!]));
}

/**
 * Saves the Account page's language card (app/i18n/language-settings.tsx) by its submit button,
 * whatever language the button speaks, and waits for the page it posts to, loaded whole.
 */
export async function submitLanguageCard(card: Locator): Promise<void> {
  const page = card.page();
  await Promise.all([page.waitForEvent("load"), card.locator('button[type="submit"]').click()]);
}

/** Replaces the text of one block of the draft (a paragraph) with `text`, typed as a person would. */
export async function replaceBlockText(block: Locator, text: string): Promise<void> {
  await block.click();
  await block.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await settle(block.page());
  await block.page().keyboard.type(text);
}
