import { Form } from "@remix-run/react";
import { useId } from "react";
import { FACETS, type Facet } from "../../core/library/search-query";
import { Button } from "../components/ui";

export interface LibrarySearchFormProps {
  q: string;
  /** The facet values in force: a new query keeps them, as hidden fields. */
  selected: Partial<Record<Facet, string>>;
  errors?: string[];
}

/**
 * The library's search box: a GET form, so the search lives in the URL (shareable, and working
 * without JavaScript), with the query syntax spelled out beside it.
 */
export function LibrarySearchForm({ q, selected, errors }: LibrarySearchFormProps) {
  const id = useId();
  return (
    <Form method="get" role="search" className="library-search" aria-label="Search the library">
      <label htmlFor={`${id}-q`} className="field-label">
        Search recommendations
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
        <Button type="submit">Search</Button>
      </div>
      <p id={`${id}-hint`} className="field-description">
        Words, “an exact phrase” in quotes, -word to leave out, or a reference such as <span className="mono">A/HRC/25/5, para. 186.60</span>.
      </p>
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      {FACETS.map((facet) => (selected[facet] !== undefined ? <input key={facet} type="hidden" name={facet} value={selected[facet]} /> : null))}
    </Form>
  );
}
