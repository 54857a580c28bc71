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
  return createTranslator(locale, heldCatalogue(locale) ?? heldCatalogue("en") ?? {}, { numerals, fallback: heldCatalogue("en") });
}

/** `[{ title }]` for a page: `export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "account.title")`. */
export function pageMeta(matches: readonly RootMatch[], id: MessageId, values?: MessageValues): [{ title: string }] {
  return [{ title: metaTranslator(matches).t(id, values) }];
}

