import type { MessageId } from "../../core/i18n/message";
import type { ReactElement } from "react";
import { renderToStaticMarkup as renderBare } from "react-dom/server";
import { IntlProvider } from "react-intl";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { describe, expect, it } from "vitest";
import { buildRecommendation } from "../../test/library-factories";
import { FacetFilters } from "./facet-filters";
import { RecommendationCard } from "./recommendation-card";
import { holdCatalogue } from "../i18n/catalogues";
import { I18nProvider } from "../i18n/i18n-provider";

/** Rendered as an English reader sees them (the components speak through the catalogues). */
const renderToStaticMarkup = (element: ReactElement) =>
  renderBare(
    <IntlProvider locale="en" messages={UI_CATALOGUES.en as Record<MessageId, string>}>
      {element}
    </IntlProvider>,
  );

const record = { ...buildRecommendation(), id: "r1", workspaceId: "w1", updatedAt: "2026-11-27T00:00:00.000Z" };

describe("RecommendationCard", () => {
  it("shows the provenance line, the text, body, State, date and themes, and marks the coalition's own", () => {
    const html = renderToStaticMarkup(<RecommendationCard record={record} actions={<button type="button" data-action="insert" />} />);
    expect(html).toContain("Recommendation 186.60 (Ghana), A/HRC/25/5, supported</h3>");
    expect(html).toContain("Coalition");
    expect(html).toContain("<dd>China</dd>");
    // The date in the reader's language, through Intl: English as en writes it.
    expect(html).toContain('<time dateTime="2013-12-04">December 4, 2013</time>');
    expect(html).toContain("Special procedures");
    expect(html).toContain('data-action="insert"');
  });

  it("speaks the reader's language: labels and the date in French", () => {
    const html = renderBare(
      <IntlProvider locale="fr" messages={UI_CATALOGUES.fr as Record<MessageId, string>}>
        <RecommendationCard record={record} />
      </IntlProvider>,
    );
    expect(html).toContain("<dt>Organe</dt>");
    expect(html).toContain('<time dateTime="2013-12-04">4 décembre 2013</time>');
    expect(html).toContain(">Coalition<");
  });

  it("has no Coalition badge for the shared library", () => {
    expect(renderToStaticMarkup(<RecommendationCard record={{ ...record, workspaceId: null }} />)).not.toContain("Coalition");
  });
});

describe("FacetFilters", () => {
  it("lists values with counts and readable labels, marks the selected one, and keeps it when uncounted", () => {
    const html = renderToStaticMarkup(
      <FacetFilters
        facets={{ stateUnderReview: [{ value: "CHN", count: 12 }], sdg: [{ value: "16", count: 3 }] }}
        selected={{ stateUnderReview: "CHN", body: "CEDAW" }}
        onSelect={() => {}}
        onClearAll={() => {}}
      />,
    );
    expect(html).toContain('aria-pressed="true"><span class="facet-value">China</span><span class="facet-count">12');
    expect(html).toContain("SDG 16");
    expect(html).toContain('<span class="facet-value">CEDAW</span></button>');
    expect(html).toContain("Clear filters");
  });

  it("folds values beyond the visible number under “more”", () => {
    const values = Array.from({ length: 9 }, (_, i) => ({ value: `Theme ${i}`, count: 9 - i }));
    const html = renderToStaticMarkup(<FacetFilters facets={{ theme: values }} selected={{}} onSelect={() => {}} visibleValues={6} />);
    expect(html).toContain("<summary>3 more");
    expect(html).not.toContain("Clear filters");
  });
});

describe("State names in the reader's language", () => {
  it("names the State under review as the UN's French and Arabic documents do", () => {
    for (const locale of ["fr", "ar"] as const) holdCatalogue(locale, UI_CATALOGUES[locale]);
    const inLocale = (locale: "fr" | "ar") =>
      renderBare(
        <I18nProvider preferences={{ locale, numerals: "latn" }}>
          <RecommendationCard record={{ ...record, stateUnderReview: "RUS" }} />
        </I18nProvider>,
      );
    expect(inLocale("fr")).toContain("<dd>Fédération de Russie</dd>");
    expect(inLocale("ar")).toContain("<dd>الاتحاد الروسي</dd>");
  });
});
