import { INTERFACE_LOCALES } from "../../core/i18n/locales";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { holdCatalogue } from "./catalogues";

/** On the server every language is at hand: the root loader calls this before any page renders. */
export function holdEveryCatalogue(): void {
  for (const locale of INTERFACE_LOCALES) holdCatalogue(locale, UI_CATALOGUES[locale]);
}
