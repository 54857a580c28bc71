import type { AppLoadContext } from "@remix-run/node";
import { DEFAULT_LOCALE, isInterfaceLocale, isNumerals, negotiateLocale, type InterfaceLocale, type Numerals } from "../../core/i18n/locales";
import type { SessionUser } from "../../server/auth/service";
import type { Preferences } from "./i18n-provider";

/** A signed-out visitor's choice of language ("fr" or "ar.arab"), kept a year. */
const LANGUAGE_COOKIE = "caucus_lang";

function readLanguageCookie(request: Request): { locale: InterfaceLocale; numerals: Numerals } | null {
  const raw = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${LANGUAGE_COOKIE}=`))
    ?.slice(LANGUAGE_COOKIE.length + 1);
  const [locale, numerals = "latn"] = (raw ?? "").split(".");
  return isInterfaceLocale(locale) && isNumerals(numerals) ? { locale, numerals } : null;
}

/**
 * The language a page renders in, decided before the first byte (no flash of English): the
 * account's choice, else the visitor's choice on this browser, else the browser's preferred language.
 */
export function readPreferences(request: Request, user: SessionUser | null): Preferences {
  const chosen = readLanguageCookie(request);
  const numerals: Numerals = isNumerals(user?.numerals) ? user.numerals : (chosen?.numerals ?? "latn");
  if (user && isInterfaceLocale(user.locale)) return { locale: user.locale, numerals };
  if (chosen) return { locale: chosen.locale, numerals };
  return { locale: negotiateLocale(request.headers.get("accept-language")) ?? DEFAULT_LOCALE, numerals };
}

/** Remembers the choice on this browser too, so the sign-in page after signing out stays in it. */
export function languageCookie(request: Request, context: AppLoadContext, preferences: Preferences): string {
  const secure = (context.publicOrigin ?? new URL(request.url).origin).startsWith("https:");
  const value = preferences.numerals === "arab" ? `${preferences.locale}.arab` : preferences.locale;
  return `${LANGUAGE_COOKIE}=${value}; Max-Age=31536000; Path=/; SameSite=Lax${secure ? "; Secure" : ""}`;
}
