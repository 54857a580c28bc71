import { FACETS, type Facet } from "../../core/library/search-query";

/** A library search as it sits in the URL; any field may be absent. */
export type LibraryUrlQuery = { q?: string; page?: number } & Partial<Record<Facet, string | number>>;

/**
 * The relative URL ("?q=…&body=UPR") of a search changed by `changes`: undefined or null removes
 * a field. Any change other than the page goes back to page 1, since the old page may not exist.
 */
export function librarySearchHref(query: LibraryUrlQuery, changes: Partial<Record<keyof LibraryUrlQuery, string | number | null>>): string {
  const next: Record<string, string | number | null | undefined> = { ...query, ...changes };
  if (!("page" in changes)) next.page = undefined;
  const params = new URLSearchParams();
  for (const key of ["q", ...FACETS, "page"] as const) {
    const value = next[key];
    if (value === undefined || value === null || value === "") continue;
    if (key === "page" && Number(value) <= 1) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  // "." is the page itself with no search at all.
  return search ? `?${search}` : ".";
}
