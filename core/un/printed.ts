import { createIntl, createIntlCache } from "@formatjs/intl";
import ar from "../../locales/document/ar.json";
import en from "../../locales/document/en.json";
import es from "../../locales/document/es.json";
import fr from "../../locales/document/fr.json";
import ru from "../../locales/document/ru.json";
import zh from "../../locales/document/zh.json";
import { documentLanguageOf, type DocumentLanguage } from "../i18n/locales";
import type { MessageId } from "../i18n/message";
import { reportIntlError } from "../i18n/translator";
import { MECHANISMS } from "./mechanisms";

/**
 * The words a submission PRINTS, in the document's language (issue 19): cover labels, "Page X of
 * Y", the contents title, "Ibid." and "para./paras.", the mechanisms' names. Separate from the
 * interface's catalogues on purpose: a French-speaking coalition member may write an English
 * submission, and a submission may be in Chinese or Russian, which the interface does not speak.
 */
export type PrintedMessageId = keyof typeof en & string;

const CATALOGUES: Record<DocumentLanguage, Readonly<Record<PrintedMessageId, string>>> = { ar, zh, en, fr, ru, es };

export interface PrintedText {
  language: DocumentLanguage;
  t(id: PrintedMessageId, values?: Record<string, string | number>): string;
  /** "12, 13 and 14" with the language's own conjunction ("12, 13 et 14", "12、13和14"). */
  list(items: readonly string[]): string;
  /** A cover date: "2026-11-27" in the language's long form ("27 November 2026", "27 novembre 2026", "2026年11月27日"); any other text as typed. */
  date(value: string): string;
}

const cache = createIntlCache();
const texts = new Map<DocumentLanguage, PrintedText>();

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function coverDate(language: DocumentLanguage, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month || Number(match[3]) < 1 || Number(match[3]) > 31) return value.trim();
  // English by hand: the UN's order ("27 November 2026"), whatever an English locale's default.
  if (language === "en") return `${Number(match[3])} ${month} ${match[1]}`;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Latin digits in Arabic, as the UN's Arabic documents print dates.
  const tag = language === "ar" ? "ar-u-nu-latn" : language;
  return new Intl.DateTimeFormat(tag, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** The printed text of a document in `language` (a draft's language tag; anything outside the six prints English). */
export function printedText(language: string | null | undefined): PrintedText {
  const lang = documentLanguageOf(language);
  const known = texts.get(lang);
  if (known) return known;
  // FormatJS types message ids as the interface's (core/i18n/message.ts); these are the printed
  // catalogue's, checked by PrintedMessageId instead, hence the casts.
  const messages = {
    ...CATALOGUES.en,
    ...CATALOGUES[lang],
  } as unknown as Record<MessageId, string>;
  const intl = createIntl({ locale: lang, defaultLocale: "en", messages, onError: reportIntlError }, cache);
  // English joins without the serial comma, as UN documents do ("paras. 3, 25 and 26").
  const lists = new Intl.ListFormat(lang === "en" ? "en-GB" : lang, {
    type: "conjunction",
  });
  const text: PrintedText = {
    language: lang,
    t: (id, values) => String(intl.formatMessage({ id: id as unknown as MessageId }, values)),
    list: (items) => lists.format(items),
    date: (value) => coverDate(lang, value),
  };
  texts.set(lang, text);
  return text;
}

/** A mechanism's name as a document in `language` prints it ("Examen périodique universel"); an unknown id as given. */
export function printedMechanismName(id: string, language: string): string {
  const known = MECHANISMS.find((m) => m.id === id);
  return known ? printedText(language).t(`document.mechanism.${known.id}` as const) : id;
}
