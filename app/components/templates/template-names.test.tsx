import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { INTERFACE_LOCALES, type InterfaceLocale } from "../../../core/i18n/locales";
import { createTranslator } from "../../../core/i18n/translator";
import { UI_CATALOGUES } from "../../../locales/ui/all";
import { TEMPLATES } from "../../../templates";
import { holdCatalogue } from "../../i18n/catalogues";
import { I18nProvider } from "../../i18n/i18n-provider";
import { TemplateGallery } from "./template-gallery";
import { localTemplateTitle, summariseTemplate, templateNameIds } from "./template-summary";

for (const locale of INTERFACE_LOCALES) holdCatalogue(locale, UI_CATALOGUES[locale]);

const gallery = (locale: InterfaceLocale) =>
  renderToStaticMarkup(
    <I18nProvider preferences={{ locale, numerals: "latn" }}>
      <TemplateGallery templates={TEMPLATES.map(summariseTemplate)} />
    </I18nProvider>,
  );

describe("template names in the interface's languages", () => {
  it("has every template's title and description in every interface catalogue", () => {
    const missing = INTERFACE_LOCALES.flatMap((locale) =>
      TEMPLATES.flatMap((template) => {
        const ids = templateNameIds(template.slug);
        if (!ids) return [`${template.slug}: no catalogue ids`];
        return [ids.title, ids.description].filter((id) => !UI_CATALOGUES[locale][id]).map((id) => `${locale}: ${id}`);
      }),
    );
    expect(missing).toEqual([]);
  });

  it("keeps the English word for word what the template files say (the e2e suite clicks these titles)", () => {
    const english = createTranslator("en", UI_CATALOGUES.en);
    for (const template of TEMPLATES) {
      const ids = templateNameIds(template.slug)!;
      expect(english.t(ids.title)).toBe(template.title);
      expect(english.t(ids.description)).toBe(template.description);
    }
    // Nothing in the catalogue for a template that no longer exists.
    expect(Object.keys(UI_CATALOGUES.en).filter((id) => id.startsWith("templateNames.")).length).toBe(TEMPLATES.length * 2);
  });

  it("finds a title by its English wording for the editor, and leaves an unknown one as written", () => {
    const french = createTranslator("fr", UI_CATALOGUES.fr);
    expect(localTemplateTitle(french.t, "UPR joint submission — a coalition")).toBe("Communication conjointe pour l'EPU — une coalition");
    expect(localTemplateTitle(french.t, "A template from elsewhere")).toBe("A template from elsewhere");
    expect(templateNameIds("no-such-template")).toBeNull();
  });

  it("shows the gallery in English as before", () => {
    const html = gallery("en");
    expect(html).toContain("UPR joint submission — a coalition");
    expect(html).toContain("Universal Periodic Review");
    expect(html).toContain("Committee on the Rights of the Child");
  });

  it("shows the gallery's titles, descriptions and mechanisms in French, Spanish and Arabic", () => {
    const french = gallery("fr");
    expect(french).toContain("Communication conjointe pour l&#x27;EPU — une coalition");
    expect(french).toContain("Examen périodique universel");
    expect(french).toContain("CRC : rapport parallèle pour la session");
    expect(french).not.toContain("UPR joint submission");
    const spanish = gallery("es");
    expect(spanish).toContain("Comunicación conjunta para el EPU — una coalición");
    expect(spanish).toContain("Comité de los Derechos del Niño");
    const arabic = gallery("ar");
    expect(arabic).toContain("ورقة مشتركة في إطار الاستعراض الدوري الشامل — تحالف");
    expect(arabic).toContain("لجنة حقوق الطفل");
  });
});
