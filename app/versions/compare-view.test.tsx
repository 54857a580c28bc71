import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { InterfaceLocale } from "../../core/i18n/locales";
import { compareDocuments, type Comparison } from "../../core/versions/compare";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { doc, footnote, paragraph } from "../../test/version-documents";
import { holdCatalogue } from "../i18n/catalogues";
import { I18nProvider } from "../i18n/i18n-provider";
import { CompareView, type ComparePerson } from "./compare-view";

for (const locale of ["en", "fr", "es", "ar"] as const) holdCatalogue(locale, UI_CATALOGUES[locale]);

const render = (locale: InterfaceLocale, comparison: Comparison, people: Record<string, ComparePerson> = {}) =>
  renderToStaticMarkup(
    <I18nProvider preferences={{ locale, numerals: "latn" }}>
      <CompareView comparison={comparison} people={people} />
    </I18nProvider>,
  );

const people: Record<string, ComparePerson> = { ann: { name: "Ann", organisation: "HRW" }, bob: { name: "Bob", organisation: null } };

/** Before: three paragraphs and a note. After: one inserted first (by Bob), a word changed (by Ann) and the note edited (by Ann). */
function sample(): Comparison {
  const before = doc(paragraph("The State detained three journalists."), paragraph("It has not ratified the protocol.", footnote("n1", "See A/HRC/25/5.")), paragraph("Unchanged."));
  const after = doc(
    paragraph("This submission is by a coalition."),
    paragraph("The State detained four journalists."),
    paragraph("It has not ratified the protocol.", footnote("n1", "See A/HRC/25/5, para. 12.")),
    paragraph("Unchanged."),
  );
  // One run per block of the after side: Bob wrote the new paragraph, Ann the rest.
  const texts = ["This submission is by a coalition.", "The State detained four journalists.", "It has not ratified the protocol.", "See A/HRC/25/5, para. 12.", "Unchanged."];
  const authorship = { clients: ["bob", "ann"], blocks: texts.map((text, i): Array<[number, number]> => [[i === 0 ? 0 : 1, text.length]]) };
  return compareDocuments({ doc: before }, { doc: after, authorship });
}

describe("CompareView", () => {
  it("shows the words of both sides, the totals, insertions and deletions marked for screen readers, and both sides' numbers", () => {
    const html = render("en", sample(), people);
    expect(html).toContain("14 words before, 22 words after.");
    expect(html).toContain("+10");
    expect(html).toContain("10 words added, 1 word removed.");
    expect(html).toContain('<del class="compare-del"><span class="sr-only">deleted: </span>three<span class="sr-only"> (end of deletion)</span></del>');
    expect(html).toContain('<ins class="compare-ins" title="Ann (HRW)"><span class="sr-only">inserted: </span>four<span class="sr-only"> (end of insertion)</span></ins>');
    expect(html).toContain("para. 1 → para. 2");
    expect(html).toContain("note 1");
    expect(html).toContain("3 changes");
    expect(html).toContain("by Ann (HRW)");
    // The filter offers the organisation and each person who wrote inserted words.
    expect(html).toContain(">Everyone at HRW</option>");
    expect(html).toContain(">Bob</option>");
  });

  it("folds unchanged paragraphs away with their count", () => {
    const many = Array.from({ length: 8 }, (_, i) => paragraph(`Paragraph ${i + 1} of the draft.`));
    const after = [...many];
    after[7] = paragraph("Paragraph 8 of the draft, rewritten.");
    const html = render("en", compareDocuments({ doc: doc(...many) }, { doc: doc(...after) }));
    expect(html).toContain("… 6 unchanged paragraphs …");
  });

  it("says when nothing changed", () => {
    const same = doc(paragraph("Same."));
    expect(render("en", compareDocuments({ doc: same }, { doc: same }))).toContain("The two versions read the same.");
  });

  it("reads in French and Arabic", () => {
    const french = render("fr", sample(), people);
    expect(french).toContain("10 mots ajoutés, 1 mot supprimé.");
    expect(french).toContain("texte inséré : ");
    const arabic = render("ar", sample(), people);
    expect(arabic).toContain("نص محذوف: ");
    expect(arabic).toContain("3 تغييرات");
  });
});
