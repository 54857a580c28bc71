import { DEFAULT_LOCALE, isInterfaceLocale, type InterfaceLocale } from "../../core/i18n/locales";
import type { Translator } from "../../core/i18n/translator";
import { uiTranslator } from "../../locales/ui/all";

/**
 * The language `npm run check` speaks when no `--lang` is given: the one the environment names,
 * as POSIX programs read it (LC_ALL, then LC_MESSAGES, then LANG: "fr_FR.UTF-8" is French), when it
 * is one of the interface's languages; English otherwise, and for "C" or "POSIX".
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): InterfaceLocale {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name]?.trim();
    // The first variable that is set decides, as in setlocale(3), even when it names another language.
    if (!value) continue;
    const primary = value.split(/[-_.@]/)[0]!.toLowerCase();
    return isInterfaceLocale(primary) ? primary : DEFAULT_LOCALE;
  }
  return DEFAULT_LOCALE;
}

/** The command line's words in one language, English standing in for anything missing. */
export function cliTranslator(locale: InterfaceLocale): Translator {
  return uiTranslator(locale);
}
