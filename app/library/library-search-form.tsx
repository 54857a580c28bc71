import { Form } from "@remix-run/react";
import { useId } from "react";
import { FACETS, type Facet } from "../../core/library/search-query";
import { FormattedMessage } from "react-intl";
import type { Message } from "../../core/i18n/message";
import { Button } from "../components/ui";
import { useT } from "../i18n/i18n-provider";

export interface LibrarySearchFormProps {
  q: string;
  /** The facet values in force: a new query keeps them, as hidden fields. */
  selected: Partial<Record<Facet, string>>;
  errors?: Message[];
}

/**
 * The library's search box: a GET form, so the search lives in the URL (shareable, and working
 * without JavaScript), with the query syntax spelled out beside it.
 */
export function LibrarySearchForm({ q, selected, errors }: LibrarySearchFormProps) {
  const { t, text } = useT();
  const id = useId();
  return (
    <Form method="get" role="search" className="library-search" aria-label={t("library.search.label")}>
      <label htmlFor={`${id}-q`} className="field-label">
        {t("library.search.field")}
      </label>
      <div className="library-search-row">
        <input
          id={`${id}-q`}
          className="input"
          key={q}
          type="search"
          name="q"
          defaultValue={q}
          maxLength={300}
          aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ""}`}
          aria-invalid={errors?.length ? true : undefined}
        />
        <Button type="submit">{t("library.search.submit")}</Button>
      </div>
      <p id={`${id}-hint`} className="field-description">
        <FormattedMessage id="library.search.hint" values={{ mono: (chunks) => <span className="mono">{chunks}</span> }} />
      </p>
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errors.map(text).join(" ")}
        </p>
      ) : null}
      {FACETS.map((facet) => (selected[facet] !== undefined ? <input key={facet} type="hidden" name={facet} value={selected[facet]} /> : null))}
    </Form>
  );
}
