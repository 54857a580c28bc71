import type { InterfaceLocale } from "../../core/i18n/locales";

/**
 * One language's catalogue, as its own chunk: a browser downloads only the language it shows.
 * Listed one by one (not a template string) so the bundler makes exactly these four chunks.
 */
const LOADERS: Record<InterfaceLocale, () => Promise<{ default: Readonly<Record<string, string>> }>> = {
  en: () => import("./en"),
  fr: () => import("./fr"),
  es: () => import("./es"),
  ar: () => import("./ar"),
};

export async function loadCatalogue(locale: InterfaceLocale): Promise<Readonly<Record<string, string>>> {
  return (await LOADERS[locale]()).default;
}
