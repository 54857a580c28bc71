import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { IntlProvider, useIntl } from "react-intl";
import { intlTag, type InterfaceLocale, type Numerals } from "../../core/i18n/locales";
import { reportIntlError, translatorFrom, type Translator } from "../../core/i18n/translator";
import type { MessageId } from "../../core/i18n/message";
import { heldCatalogue } from "./catalogues";

// react-intl's context knows the Intl tag ("ar-u-nu-arab"), not which catalogue it holds.
const Locale = createContext<InterfaceLocale>("en");

export interface Preferences {
  locale: InterfaceLocale;
  numerals: Numerals;
}

/**
 * The person's language for every component below. When the language changes under a client-side
 * navigation (signing in as someone who reads French), this context does not hold that catalogue
 * yet: the page is loaded again as a document, which brings it (a rare event, and no mixed page).
 */
export function I18nProvider({ preferences, children }: { preferences: Preferences; children: ReactNode }) {
  const { locale, numerals } = preferences;
  const catalogue = heldCatalogue(locale);
  useEffect(() => {
    if (!catalogue) window.location.reload();
  }, [catalogue]);
  return (
    <IntlProvider
      locale={intlTag(locale, numerals)}
      defaultLocale="en"
      messages={(catalogue ?? heldCatalogue("en") ?? {}) as Record<MessageId, string>}
      onError={reportIntlError}
    >
      <Locale.Provider value={locale}>{children}</Locale.Provider>
    </IntlProvider>
  );
}


/** The person's language: `t("editor.saved")`, `number(2815)`, `date(d)`; see core/i18n/translator.ts. */
export function useT(): Translator {
  const intl = useIntl();
  const locale = useContext(Locale);
  return useMemo(() => translatorFrom(intl, locale), [intl, locale]);
}
