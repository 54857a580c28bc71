import { Form, useLocation } from "@remix-run/react";
import { INTERFACE_LOCALES, LANGUAGE_ENDONYMS } from "../../core/i18n/locales";
import { useT } from "./i18n-provider";

/**
 * The interface language, for everyone (a visitor keeps it on this browser; a signed-in person on
 * the account). Each language is named in itself and tagged with its own lang, so a screen reader
 * says "Français" in French. A document post: the next page loads whole in the new language.
 */
export function LanguageMenu() {
  const { t, locale } = useT();
  const location = useLocation();
  return (
    <details className="language-menu">
      <summary aria-label={t("common.language.choose")}>
        {LANGUAGE_ENDONYMS[locale]}
      </summary>
      <Form method="post" action="/language" reloadDocument className="language-menu-list">
        <input type="hidden" name="returnTo" value={location.pathname + location.search} />
        {INTERFACE_LOCALES.map((code) => (
          <button key={code} type="submit" name="locale" value={code} lang={code} aria-current={code === locale ? "true" : undefined} className="btn btn-ghost btn-sm">
            {LANGUAGE_ENDONYMS[code]}
          </button>
        ))}
      </Form>
    </details>
  );
}
