import { Form, useLocation } from "@remix-run/react";
import { INTERFACE_LOCALES, LANGUAGE_ENDONYMS } from "../../core/i18n/locales";
import { Button, Card, SelectField } from "../components/ui";
import { useT } from "./i18n-provider";

/** The Account page's language card: the interface language and, for Arabic, which digits to write. */
export function LanguageSettings({ numerals }: { numerals: string }) {
  const { t, locale, number } = useT();
  const location = useLocation();
  return (
    <Card aria-labelledby="language-heading">
      <h2 id="language-heading">{t("common.language.heading")}</h2>
      <Form method="post" action="/language" reloadDocument className="form">
        <input type="hidden" name="returnTo" value={location.pathname} />
        <SelectField
          label={t("common.language.interface")}
          name="locale"
          defaultValue={locale}
          options={INTERFACE_LOCALES.map((code) => ({ value: code, label: LANGUAGE_ENDONYMS[code] }))}
        />
        <fieldset className="field field-group">
          <legend className="field-label">{t("common.language.digits")}</legend>
          <p className="field-description">{t("common.language.digitsHint")}</p>
          <label className="field-checkbox">
            <input type="radio" name="numerals" value="latn" defaultChecked={numerals !== "arab"} />
            <span>{t("common.language.digitsLatin", { example: "0 1 2 3" })}</span>
          </label>
          <label className="field-checkbox">
            <input type="radio" name="numerals" value="arab" defaultChecked={numerals === "arab"} />
            <span>{t("common.language.digitsArabic", { example: "٠ ١ ٢ ٣" })}</span>
          </label>
        </fieldset>
        <p className="field-description">{t("common.language.example", { example: number(2815) })}</p>
        <div>
          <Button type="submit">{t("common.language.save")}</Button>
        </div>
      </Form>
    </Card>
  );
}
