import { Node as PMNode } from "@tiptap/pm/model";
import { diffWordsWithSpace } from "diff";
import { countWords } from "../../core/checks/word-count";
import { documentSchema, plainText } from "../../core/editor";
import type { OrganisationChange, VersionPerson } from "../../core/versions/contract";
import type { VersionReading } from "./reading";

export interface VersionChange {
  added: number;
  removed: number;
  byOrganisation: OrganisationChange[];
}

/**
 * Words added and removed since the version before (none: everything is added), and by
 * organisation: a session's changes go to its people's organisation when they share one, else
 * to "several or none" (null).
 */
export function measureChange(previous: { content: Record<string, unknown> } | null, reading: VersionReading, people: readonly VersionPerson[]): VersionChange {
  const before = previous ? readableText(previous.content) : "";
  const after = readableText(reading.content);
  let added = 0;
  let removed = 0;
  for (const part of diffWordsWithSpace(before, after)) {
    if (part.added) added += countWords(part.value);
    else if (part.removed) removed += countWords(part.value);
  }
  const organisations = new Set(people.map((p) => p.organisationId));
  const organisationId = organisations.size === 1 ? [...organisations][0]! : null;
  return { added, removed, byOrganisation: added + removed > 0 ? [{ organisationId, added, removed }] : [] };
}

function readableText(content: Record<string, unknown>): string {
  const { blocks, notes } = plainText(PMNode.fromJSON(documentSchema(), content));
  return [...blocks, ...notes].join("\n\n");
}
