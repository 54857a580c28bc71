/**
 * The languages Caucus speaks (issue 19), in three sets that differ on purpose:
 * - the interface: English, French, Spanish and Arabic, the languages coalitions work in;
 * - templates: English, French and Spanish, the languages OHCHR takes UPR submissions in;
 * - printed documents: the UN's six official languages, which treaty bodies take.
 */
export const INTERFACE_LOCALES = ["en", "fr", "es", "ar"] as const;
export type InterfaceLocale = (typeof INTERFACE_LOCALES)[number];

/** The UN's six official languages, in the UN's own order (alphabetical in English). */
export const DOCUMENT_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export const TEMPLATE_LANGUAGES = ["en", "fr", "es"] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** Digits: Latin (0–9) or Arabic-Indic (٠–٩). Only an Arabic interface offers the choice. */
export const NUMERALS = ["latn", "arab"] as const;
export type Numerals = (typeof NUMERALS)[number];

export const DEFAULT_LOCALE: InterfaceLocale = "en";

/** Each language's name in itself: how a language menu must name it for people who read only that one. */
export const LANGUAGE_ENDONYMS: Record<DocumentLanguage, string> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

export function isInterfaceLocale(value: unknown): value is InterfaceLocale {
  return typeof value === "string" && (INTERFACE_LOCALES as readonly string[]).includes(value);
}

export function isDocumentLanguage(value: unknown): value is DocumentLanguage {
  return typeof value === "string" && (DOCUMENT_LANGUAGES as readonly string[]).includes(value);
}

export function isNumerals(value: unknown): value is Numerals {
  return typeof value === "string" && (NUMERALS as readonly string[]).includes(value);
}

/** The primary subtag of a BCP 47 tag, lower-case: "fr-CA" → "fr", "zh-Hans-CN" → "zh". */
function primarySubtag(tag: string): string {
  return tag.trim().split(/[-_]/)[0]!.toLowerCase();
}

/** The document language a draft's language tag prints in; anything outside the six prints in English. */
export function documentLanguageOf(tag: string | null | undefined): DocumentLanguage {
  const primary = primarySubtag(tag ?? "");
  return isDocumentLanguage(primary) ? primary : "en";
}

/** The template language for a draft's language: French and Spanish have their own, the rest English. */
export function templateLanguageOf(tag: string | null | undefined): TemplateLanguage {
  const primary = primarySubtag(tag ?? "");
  return (TEMPLATE_LANGUAGES as readonly string[]).includes(primary) ? (primary as TemplateLanguage) : "en";
}

/**
 * The interface language for an Accept-Language header (RFC 9110 §12.5.4): the supported
 * language with the highest weight, matched on its primary subtag ("fr-CA" is French); English
 * when the header names none of them. A "*" or q=0 entry never selects anything.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): InterfaceLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  let best: { locale: InterfaceLocale; weight: number; order: number } | null = null;
  acceptLanguage
    .split(",")
    .slice(0, 32)
    .forEach((entry, order) => {
      const [range = "", ...params] = entry.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      if (!Number.isFinite(weight) || weight <= 0) return;
      const locale = primarySubtag(range);
      if (!isInterfaceLocale(locale)) return;
      if (!best || weight > best.weight || (weight === best.weight && order < best.order)) best = { locale, weight, order };
    });
  return (best as { locale: InterfaceLocale } | null)?.locale ?? DEFAULT_LOCALE;
}

/**
 * The tag Intl formats with: the language, plus Arabic-Indic digits when an Arabic reader chose
 * them ("ar-u-nu-arab"). Plain "ar" writes Latin digits in today's CLDR, as most Arabic-language
 * coalitions' documents do.
 */
export function intlTag(locale: InterfaceLocale, numerals: Numerals = "latn"): string {
  return locale === "ar" && numerals === "arab" ? "ar-u-nu-arab" : locale;
}

/** The direction a language's interface is laid out in. */
export function localeDirection(locale: string): "ltr" | "rtl" {
  return primarySubtag(locale) === "ar" ? "rtl" : "ltr";
}
