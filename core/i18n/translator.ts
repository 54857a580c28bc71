import { createIntl, createIntlCache, type IntlShape } from "@formatjs/intl";
import { intlTag, localeDirection, type InterfaceLocale, type Numerals } from "./locales";
import type { Message, MessageId, MessageValues } from "./message";

export type Catalogue = Readonly<Record<string, string>>;
type NumberOptions = Parameters<IntlShape["formatNumber"]>[1];

/** What a Translator needs of FormatJS: the same from createIntl (core) and react-intl's context. */
interface IntlFormatter {
  locale: string;
  formatMessage(descriptor: { id: MessageId }, values?: MessageValues): unknown;
  formatNumber(n: number, options?: NumberOptions): string;
  formatDate(value: Date | number | string, options?: Intl.DateTimeFormatOptions): string;
  formatList(items: readonly string[], options?: { type?: "conjunction" | "disjunction" }): unknown;
}

/**
 * Everything a screen, a report or the command line needs to speak a person's language: ICU
 * messages with the language's plural rules, and numbers, dates and lists in its conventions.
 * Built on FormatJS (decision 021), the same formatter React's IntlProvider gives components.
 */
export interface Translator {
  locale: InterfaceLocale;
  /** The Intl tag numbers and dates are written with ("ar-u-nu-arab" for Arabic digits). */
  tag: string;
  dir: "ltr" | "rtl";
  t(id: MessageId, values?: MessageValues): string;
  /** A message that core/ or server/ handed over, put into words. */
  text(message: Message): string;
  number(n: number, options?: NumberOptions): string;
  date(value: Date | number | string, options?: Intl.DateTimeFormatOptions): string;
  /** "A, B and C" in the language's own list style. */
  list(items: readonly string[], type?: "conjunction" | "disjunction"): string;
}

/** A Translator over an IntlShape, so components (from IntlProvider) and core/ share one surface. */
export function translatorFrom(intl: IntlFormatter, locale: InterfaceLocale): Translator {
  const t = (id: MessageId, values?: MessageValues) => String(intl.formatMessage({ id }, values));
  return {
    locale,
    tag: intl.locale,
    dir: localeDirection(locale),
    t,
    text: (message) => t(message.id, message.values),
    number: (n, options) => intl.formatNumber(n, options),
    date: (value, options = { dateStyle: "long" }) => intl.formatDate(value, options),
    list: (items, type = "conjunction") => String(intl.formatList(items, { type })),
  };
}

const cache = createIntlCache();

/**
 * A Translator outside React: for the command line, server-rendered text (e-mail, files) and tests.
 * `messages` is the language's catalogue; a message missing from it falls back to English, whose
 * catalogue the caller passes as `fallback` (the tests make sure none is missing).
 */
export function createTranslator(
  locale: InterfaceLocale,
  messages: Catalogue,
  options: { numerals?: Numerals; fallback?: Catalogue } = {},
): Translator {
  const intl = createIntl(
    {
      locale: intlTag(locale, options.numerals),
      defaultLocale: "en",
      messages: (options.fallback ? { ...options.fallback, ...messages } : { ...messages }) as Record<MessageId, string>,
      onError: reportIntlError,
    },
    cache,
  );
  return translatorFrom(intl, locale);
}

/**
 * FormatJS reports a missing message or a bad value here. A missing translation is caught by the
 * catalogue tests, not at run time; anything else is a programming error worth seeing in the log.
 */
export function reportIntlError(error: { code?: string; message: string }): void {
  if (error.code === "MISSING_TRANSLATION") return;
  console.error(`[i18n] ${error.message}`);
}
