import { countWords } from "../../core/checks/word-count";
import { compareDocuments } from "../../core/versions/compare";
import type { Authorship, OrganisationChange, VersionPerson } from "../../core/versions/contract";
import type { VersionReading } from "./reading";

export interface VersionChange {
  added: number;
  removed: number;
  byOrganisation: OrganisationChange[];
}

/**
 * Words added and removed since the version before (none: everything is added), through the
 * compare engine. By organisation: inserted words go to the organisation of whoever wrote them
 * (the version's authorship); removed words to the session's people's organisation when they
 * share one, else to "several or none" (null): a version knows who wrote text, not who removed it.
 */
export function measureChange(
  previous: { content: Record<string, unknown>; authorship: Authorship } | null,
  reading: VersionReading,
  people: readonly VersionPerson[],
  organisationOf: (userId: string) => string | null,
): VersionChange {
  const before = previous?.content ?? { type: "doc", content: [{ type: "paragraph" }] };
  const comparison = compareDocuments({ doc: before }, { doc: reading.content, authorship: reading.authorship });
  const byOrganisation = new Map<string | null, OrganisationChange>();
  const credit = (organisationId: string | null, added: number, removed: number) => {
    if (added + removed === 0) return;
    const row = byOrganisation.get(organisationId) ?? { organisationId, added: 0, removed: 0 };
    row.added += added;
    row.removed += removed;
    byOrganisation.set(organisationId, row);
  };
  const organisations = new Set(people.map((p) => p.organisationId));
  const remover = organisations.size === 1 ? [...organisations][0]! : null;
  for (const change of comparison.changes) {
    for (const piece of change.pieces) {
      if (piece.op === "insert") credit(piece.author ? organisationOf(piece.author) : null, countWords(piece.text), 0);
      else if (piece.op === "delete") credit(remover, 0, countWords(piece.text));
    }
  }
  return { added: comparison.totals.added, removed: comparison.totals.removed, byOrganisation: [...byOrganisation.values()] };
}
