import type { InterfaceLocale, Numerals } from "../../core/i18n/locales";
import { createTranslator, type Translator } from "../../core/i18n/translator";
import ar from "./ar";
import en from "./en";
import es from "./es";
import fr from "./fr";

/**
 * Every interface catalogue, for the server and the command line. The browser never imports
 * this module: it loads its one language through ./load.ts.
 */
export const UI_CATALOGUES: Record<InterfaceLocale, Readonly<Record<string, string>>> = { en, fr, es, ar };

const translators = new Map<string, Translator>();

/**
 * The interface's words in one language (English standing in for anything missing), built once
 * per language and digits: JSON routes, the cross-origin refusal and the command-line tools ask
 * for one on every request or run, and building one copies the whole catalogue.
 */
export function uiTranslator(locale: InterfaceLocale, numerals: Numerals = "latn"): Translator {
  const key = `${locale}.${numerals}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = createTranslator(locale, UI_CATALOGUES[locale], { numerals, fallback: UI_CATALOGUES.en });
    translators.set(key, translator);
  }
  return translator;
}
