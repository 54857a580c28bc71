import { Link } from "@remix-run/react";
import { useId } from "react";
import { FACET_LABELS, FACETS, type Facet } from "../../core/library/search-query";
import { facetValueLabel } from "./facet-labels";
import { useT } from "../i18n/i18n-provider";

export interface FacetValueCount {
  value: string;
  count: number;
}

export interface FacetFiltersProps {
  /** Counts per facet as the search returns them (`searchRecommendations(...).facets`). */
  facets: Partial<Record<Facet, readonly FacetValueCount[]>>;
  /** The value each facet is narrowed to, as a string ("UPR", "CHN", "2", "16"). */
  selected: Partial<Record<Facet, string>>;
  /** Link mode (works without JavaScript): the URL that selects `value`, or clears the facet for null. */
  hrefFor?: (facet: Facet, value: string | null) => string;
  /** Button mode (a side panel that searches by fetch): called with the value, or null to clear. */
  onSelect?: (facet: Facet, value: string | null) => void;
  /** Shown when something is selected: a URL (link mode) … */
  clearAllHref?: string;
  /** … or a callback (button mode). */
  onClearAll?: () => void;
  /** Which facets, in which order; all of FACETS by default. */
  order?: readonly Facet[];
  /** Values listed before the rest fold under "More"; 6 by default. */
  visibleValues?: number;
  /** Level of each facet's heading; 3 by default (under the page's h2). */
  headingLevel?: 2 | 3 | 4;
  /** Name of the filter region for screen readers. */
  label?: string;
}

/**
 * The library's facet filters: each facet's values with their counts; choosing one narrows the
 * search, choosing it again (or "Clear") widens it. Props-driven so the library page (links in
 * the URL) and the editor's side panel (callbacks) share it.
 */
export function FacetFilters({
  facets,
  selected,
  hrefFor,
  onSelect,
  clearAllHref,
  onClearAll,
  order = FACETS,
  visibleValues = 6,
  headingLevel = 3,
  label,
}: FacetFiltersProps) {
  const { t, number, locale } = useT();
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const anySelected = order.some((facet) => selected[facet] !== undefined);

  const option = (facet: Facet, { value, count }: { value: string; count: number | null }) => {
    const isSelected = selected[facet] === value;
    const content = (
      <>
        <span className="facet-value">{facetValueLabel({ t, locale }, facet, value)}</span>
        {count !== null ? (
          <span className="facet-count">
            {number(count)}
            <span className="sr-only">{t("library.facets.records", { count })}</span>
          </span>
        ) : null}
      </>
    );
    const next = isSelected ? null : value;
    return (
      <li key={value}>
        {hrefFor ? (
          <Link className="facet-option" to={hrefFor(facet, next)} aria-current={isSelected ? "true" : undefined} preventScrollReset>
            {content}
          </Link>
        ) : (
          <button type="button" className="facet-option" aria-pressed={isSelected} onClick={() => onSelect?.(facet, next)}>
            {content}
          </button>
        )}
      </li>
    );
  };

  return (
    <nav className="facet-filters" aria-label={label ?? t("library.facets.label")}>
      {anySelected && (clearAllHref || onClearAll) ? (
        <p className="facet-clear">
          {clearAllHref ? (
            <Link to={clearAllHref} preventScrollReset>
              {t("library.facets.clear")}
            </Link>
          ) : (
            <button type="button" className="btn btn-ghost btn-sm" onClick={onClearAll}>
              {t("library.facets.clear")}
            </button>
          )}
        </p>
      ) : null}
      {order.map((facet) => {
        const chosen = selected[facet];
        const counts: Array<{ value: string; count: number | null }> = [...(facets[facet] ?? [])];
        // A chosen value stays visible (to be cleared) even when the counts no longer list it.
        if (chosen !== undefined && !counts.some((c) => c.value === chosen)) counts.unshift({ value: chosen, count: null });
        if (counts.length === 0) return null;
        const headingId = `${id}-${facet}`;
        const shown = counts.slice(0, visibleValues);
        const more = counts.slice(visibleValues);
        return (
          <section key={facet} className="facet" aria-labelledby={headingId}>
            <Heading id={headingId} className="facet-heading">
              {t(FACET_LABELS[facet])}
            </Heading>
            <ul className="facet-list">{shown.map((c) => option(facet, c))}</ul>
            {more.length > 0 ? (
              <details className="facet-more" open={more.some((c) => c.value === chosen) || undefined}>
                <summary>
                  {t("library.facets.more", { count: more.length })}
                  <span className="sr-only">{t("library.facets.moreOf", { facet: t(FACET_LABELS[facet]) })}</span>
                </summary>
                <ul className="facet-list">{more.map((c) => option(facet, c))}</ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </nav>
  );
}
