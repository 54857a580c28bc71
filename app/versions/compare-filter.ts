import type { Change, Comparison, InlineEntry } from "../../core/versions/compare";

/** A person credited in a comparison, as the reader may see them. */
export interface ComparePerson {
  name: string;
  /** The organisation's acronym or name, or null. */
  organisation: string | null;
}

/** Whose changes are shown: everyone, one organisation, one person, or text nobody can be named for. */
export type CompareFilter = { by: "all" } | { by: "organisation"; organisation: string } | { by: "user"; userId: string } | { by: "unknown" };

export const filterKey = (filter: CompareFilter): string =>
  filter.by === "user" ? `user:${filter.userId}` : filter.by === "organisation" ? `organisation:${filter.organisation}` : filter.by;

/**
 * The filters a comparison offers: everyone, then each organisation and each person who wrote
 * inserted words (by name), then "template and unknown" when some inserted words are nobody's
 * the reader can name (a user not in `people` counts as unknown).
 */
export function filterChoices(comparison: Comparison, people: Record<string, ComparePerson>): CompareFilter[] {
  const users = new Set<string>();
  let unknown = false;
  for (const change of comparison.changes) {
    for (const author of change.authors) {
      if (author === null || !people[author]) unknown = true;
      else users.add(author);
    }
  }
  const byName = [...users].sort((a, b) => people[a]!.name.localeCompare(people[b]!.name));
  const organisations = [...new Set(byName.map((id) => people[id]!.organisation).filter((o): o is string => o !== null))].sort((a, b) => a.localeCompare(b));
  return [
    { by: "all" },
    ...organisations.map((organisation): CompareFilter => ({ by: "organisation", organisation })),
    ...byName.map((userId): CompareFilter => ({ by: "user", userId })),
    ...(unknown ? [{ by: "unknown" } as const] : []),
  ];
}

/**
 * Whether a change is shown under a filter: one whose inserted words the chosen person (or
 * someone of the organisation, or nobody known) wrote. A pure deletion credits nobody (a
 * version knows who wrote text, not who removed it), so it shows only under "everyone".
 */
export function changeShown(change: Change, filter: CompareFilter, people: Record<string, ComparePerson>): boolean {
  if (filter.by === "all") return true;
  return change.authors.some((author) => {
    switch (filter.by) {
      case "user":
        return author === filter.userId;
      case "organisation":
        return author !== null && people[author]?.organisation === filter.organisation;
      case "unknown":
        return author === null || !people[author];
    }
  });
}

/** An inline entry as shown under a filter: changes by others fold into `hidden` runs. */
export type ShownEntry = InlineEntry | { type: "hidden"; count: number };

/** The inline model under a filter: blocks of changes not shown fold away; neighbouring folds merge. */
export function filteredInline(comparison: Comparison, filter: CompareFilter, people: Record<string, ComparePerson>): ShownEntry[] {
  const shown: ShownEntry[] = [];
  for (const entry of comparison.inline) {
    const hidden = entry.type === "block" && entry.change !== null && !changeShown(comparison.changes[entry.change]!, filter, people);
    const last = shown[shown.length - 1];
    if (hidden) {
      if (last?.type === "hidden") shown[shown.length - 1] = { type: "hidden", count: last.count + 1 };
      else shown.push({ type: "hidden", count: 1 });
    } else if (entry.type === "unchanged" && last?.type === "unchanged") {
      shown[shown.length - 1] = { type: "unchanged", count: last.count + entry.count };
    } else shown.push(entry);
  }
  return shown;
}
