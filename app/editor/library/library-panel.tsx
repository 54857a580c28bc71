import { useEditorState, type Editor } from "@tiptap/react";
import { documentLanguageOf } from "../footnotes/footnote-view";
import { addMatrixRow, findMatrixTable, IMPLEMENTATION_STATUSES, type ImplementationStatus } from "../../../core/editor/matrix";
import { useEffect, useMemo, useState } from "react";
import { recommendationProvenance } from "../../../core/library/recommendation-attributes";
import type { RecommendationRecord } from "../../../core/library/records";
import { FACET_LABELS, type Facet } from "../../../core/library/search-query";
import type { LibrarySearchResult } from "../../../db/queries/library-search";
import { facetValueLabel } from "../../library/facet-labels";
import { RecommendationCard } from "../../library/recommendation-card";
import type { ChangedRecommendation } from "./changed-recommendations";
import { LibraryApiError, recommendationAttributes, recommendationNote, type LibraryApi } from "./library-api";
import { StateNotCovered } from "./state-not-covered";
import { useStateCoverage } from "./use-state-coverage";
import { message, type Message } from "../../../core/i18n/message";
import { FormattedMessage } from "react-intl";
import { useT } from "../../i18n/i18n-provider";
import { changedFieldNames } from "./changed-recommendations";

/** Facets offered as filters in the narrow panel; the Library page offers them all. */
const PANEL_FACETS: Facet[] = ["body", "stateUnderReview", "response", "theme", "cycle"];
const DEBOUNCE_MS = 250;

/**
 * The editor's Library tab: search the recommendations the coalition reads (shared + its own),
 * narrow by facets, read one, and insert it as a recommendation block with its footnote. It
 * starts filtered to the draft's State, unless the library has nothing on that State: then it
 * says so, shows every State, and points to the import (importHref, null for people who may not).
 */
export function LibraryPanel({
  editor,
  api,
  stateUnderReview,
  changed,
  importHref,
}: {
  editor: Editor;
  api: LibraryApi;
  stateUnderReview: string;
  changed: ChangedRecommendation[];
  importHref: string | null;
}) {
  const i18n = useT();
  const { t, text } = i18n;
  const [q, setQ] = useState("");
  const [filters, setFilters] = useState<Partial<Record<Facet, string>>>(() => (stateUnderReview ? { stateUnderReview } : {}));
  const coverage = useStateCoverage(api, stateUnderReview);
  const stateNotCovered = coverage === 0;
  useEffect(() => {
    // Drop the default filter once we know it can only ever answer "0 recommendations".
    if (!stateNotCovered) return;
    setFilters((current) => {
      const next = { ...current };
      delete next.stateUnderReview;
      return next;
    });
  }, [stateNotCovered]);
  const [result, setResult] = useState<LibrarySearchResult | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [announcement, setStatus] = useState("");

  const params = useMemo(() => {
    const p = new URLSearchParams({ q, limit: "20" });
    for (const [facet, value] of Object.entries(filters)) if (value) p.set(facet, value);
    return p;
  }, [q, filters]);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .search(params, controller.signal)
        .then((r) => {
          setResult(r);
          setError(null);
        })
        .catch((e: Error) => {
          if (e.name !== "AbortError") setError(e instanceof LibraryApiError ? e.reason : message("library.panel.failed"));
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, params]);

  const hasMatrix = useEditorState({ editor, selector: ({ editor: e }) => findMatrixTable(e.state.doc) !== null });
  const [status, setMatrixStatus] = useState<ImplementationStatus>("unknown");

  const addToMatrix = async (record: RecommendationRecord) => {
    const attrs = recommendationAttributes(record);
    const tr = addMatrixRow(editor.state, attrs, await recommendationNote(api, record), status, documentLanguageOf(editor));
    if (tr) editor.view.dispatch(tr);
    setStatus(t("library.panel.addedToMatrix", { record: recommendationProvenance(attrs), status }));
  };

  const insert = async (record: RecommendationRecord) => {
    const note = await recommendationNote(api, record);
    editor.chain().focus().insertRecommendation(recommendationAttributes(record), note).run();
    setStatus(t("library.panel.inserted", { record: recommendationProvenance(recommendationAttributes(record)) }));
  };

  return (
    <div className="library-panel">
      {changed.length ? (
        <section aria-labelledby="library-changed-heading" className="library-changed">
          <h3 id="library-changed-heading" className="small">
            {t("library.panel.changedHeading")}
          </h3>
          <ul>
            {changed.map((c) => (
              <li key={c.pos} className="small">
                {editor.isEditable ? (
                  <FormattedMessage
                    id="library.panel.changedUpdate"
                    values={{
                      record: recommendationProvenance(c.frozen),
                      fields: changedFieldNames(i18n, c.fields),
                      update: (chunks) => (
                        <button
                          type="button"
                          className="btn btn-secondary btn-sm"
                          onClick={() => editor.chain().focus().refreshRecommendation(c.pos, recommendationAttributes(c.current)).run()}
                        >
                          {chunks}
                        </button>
                      ),
                    }}
                  />
                ) : (
                  t("library.panel.changed", { record: recommendationProvenance(c.frozen), fields: changedFieldNames(i18n, c.fields) })
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {stateNotCovered && !filters.stateUnderReview ? <StateNotCovered stateCode={stateUnderReview} importHref={importHref} /> : null}
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="small" htmlFor="library-q">
          {t("library.search.field")}
        </label>
        <input
          id="library-q"
          type="search"
          className="input"
          value={q}
          placeholder={t("library.panel.placeholder")}
          onChange={(event) => setQ(event.target.value)}
        />
      </form>
      <div className="library-filters">
        {PANEL_FACETS.map((facet) => {
          const values = result?.facets[facet] ?? [];
          const selected = filters[facet] ?? "";
          if (values.length === 0 && !selected) return null;
          return (
            <label key={facet} className="small">
              {t(FACET_LABELS[facet])}
              <select className="input" value={selected} onChange={(event) => setFilters((f) => ({ ...f, [facet]: event.target.value || undefined }))}>
                <option value="">{t("library.panel.any")}</option>
                {selected && !values.some((v) => v.value === selected) ? <option value={selected}>{facetValueLabel(i18n, facet, selected)}</option> : null}
                {values.map((v) => (
                  <option key={v.value} value={v.value}>
                    {t("library.panel.option", { value: facetValueLabel(i18n, facet, v.value), count: v.count })}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      {hasMatrix ? (
        <label className="small">
          {t("library.panel.matrixStatus")}
          <select className="input" value={status} onChange={(event) => setMatrixStatus(event.target.value as ImplementationStatus)}>
            {IMPLEMENTATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`library.matrix.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <p className="small muted" aria-live="polite">
        {error
          ? text(error)
          : result
          ? t("library.panel.total", { count: result.total, similar: result.mode === "similar" ? "yes" : "no" })
          : t("library.panel.searching")}
      </p>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      <ol className="library-results">
        {result?.results.map((record) => {
          const title = recommendationProvenance(recommendationAttributes(record));
          return (
            <li key={record.id}>
              <RecommendationCard
                record={record}
                compact
                headingLevel={4}
                actions={
                  editor.isEditable ? (
                    <>
                      <button
                        type="button"
                        className="btn btn-secondary btn-sm"
                        onClick={() => void insert(record)}
                        aria-label={t("library.panel.insertLabel", { record: title })}
                      >
                        {t("library.panel.insert")}
                      </button>
                      {hasMatrix ? (
                        <button
                          type="button"
                          className="btn btn-secondary btn-sm"
                          onClick={() => void addToMatrix(record)}
                          aria-label={t("library.panel.addLabel", { record: title })}
                        >
                          {t("library.panel.add")}
                        </button>
                      ) : null}
                    </>
                  ) : null
                }
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
