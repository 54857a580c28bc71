import type { InterfaceLocale } from "../../core/i18n/locales";
import ar from "./ar";
import en from "./en";
import es from "./es";
import fr from "./fr";

/**
 * Every interface catalogue, for the server and the command line. The browser never imports
 * this module: it loads its one language through ./load.ts.
 */
export const UI_CATALOGUES: Record<InterfaceLocale, Readonly<Record<string, string>>> = { en, fr, es, ar };
