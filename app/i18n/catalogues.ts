import type { InterfaceLocale } from "../../core/i18n/locales";

type Catalogue = Readonly<Record<string, string>>;

/**
 * The catalogues this JavaScript context holds: all four on the server (entry.server.tsx
 * registers them), the one the page is in on the browser (entry.client.tsx loads it before
 * hydrating, so the first paint is already in the person's language).
 */
const held = new Map<InterfaceLocale, Catalogue>();

export function holdCatalogue(locale: InterfaceLocale, catalogue: Catalogue): void {
  held.set(locale, catalogue);
}

export function heldCatalogue(locale: InterfaceLocale): Catalogue | undefined {
  return held.get(locale);
}
