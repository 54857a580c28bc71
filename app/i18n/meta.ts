import { isInterfaceLocale, isNumerals, type InterfaceLocale } from "../../core/i18n/locales";
import type { MessageId, MessageValues } from "../../core/i18n/message";
import { createTranslator, type Translator } from "../../core/i18n/translator";
import { heldCatalogue } from "./catalogues";

interface RootMatch {
  id: string;
  data?: unknown;
}

/**
 * The translator for a route's meta(): it runs outside React, so it reads the language from the
 * root loader's data among the matches, and the catalogue this context already holds.
 */
export function metaTranslator(matches: readonly RootMatch[]): Translator {
  const preferences = (matches.find((m) => m.id === "root")?.data as { preferences?: { locale?: unknown; numerals?: unknown } } | undefined)?.preferences;
  const locale: InterfaceLocale = isInterfaceLocale(preferences?.locale) ? preferences.locale : "en";
  const numerals = isNumerals(preferences?.numerals) ? preferences.numerals : "latn";
  const catalogue = heldCatalogue(locale) ?? heldCatalogue("en") ?? NO_CATALOGUE;
  // One translator per catalogue and digits: every route's meta() asks on every navigation.
  let byDigits = built.get(catalogue);
  if (!byDigits) built.set(catalogue, (byDigits = new Map()));
  let translator = byDigits.get(numerals);
  if (!translator) byDigits.set(numerals, (translator = createTranslator(locale, catalogue, { numerals, fallback: heldCatalogue("en") })));
  return translator;
}

const NO_CATALOGUE = {};
const built = new WeakMap<object, Map<string, Translator>>();

/** `[{ title }]` for a page: `export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "account.title")`. */
export function pageMeta(matches: readonly RootMatch[], id: MessageId, values?: MessageValues): [{ title: string }] {
  return [{ title: metaTranslator(matches).t(id, values) }];
}

