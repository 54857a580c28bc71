/**
 * Writing a Word file's tracked changes as suggestions (issue 20), inside the import's
 * transaction. The storage is db/queries/suggestions.ts's insertSuggestionThread:
 *
 *   import { insertSuggestionThread } from "../../db/queries/suggestions";
 *
 * Until that module is on this branch, the function is taken as a parameter of the type it is
 * written against (InsertSuggestionThread), and word-import.ts passes it in.
 */
import type { SliceJson, SuggestionAnchor } from "../../core/suggestions/contract";
import type { Executor } from "../../db/queries/executor";
import type { PlacedSuggestion } from "./suggestion-anchors";

/** What insertSuggestionThread takes: one suggestion thread (comment_threads) with its proposed change. */
export interface SuggestionThreadInput {
  draftId: string;
  workspaceId: string;
  anchor: SuggestionAnchor;
  deleted: string;
  insert: SliceJson | null;
  /** The account it belongs to: the importer's, for their own changes only; else null. */
  authorId: string | null;
  /** The Word author's name as the file gives it. */
  authorName: string;
  /** Null for an imported change: the file says nothing of organisations. */
  organisationId: string | null;
  imported: boolean;
  createdAt?: Date;
}

/** db/queries/suggestions.ts's insertSuggestionThread, as this module calls it. */
export type InsertSuggestionThread = (db: Executor, input: SuggestionThreadInput) => Promise<unknown>;

/** What the import report says of the suggestions written. */
export interface ImportedSuggestionsOutcome {
  /** Suggestions written. */
  kept: number;
  /** Of them, those under the importer's own name, linked to their account. */
  yours: number;
  /** Who made them, most first (at most MAX_AUTHORS_SHOWN names). */
  authors: Array<{ name: string; count: number }>;
  /** Authors past MAX_AUTHORS_SHOWN. */
  otherAuthors: number;
  /** Placed but not written: the suggestions' storage is not wired in (InsertSuggestionThread missing). */
  notStored: number;
}

export const MAX_AUTHORS_SHOWN = 8;

/** A Word date kept for a suggestion; a date after the import is the file's clock, not a fact. */
const keptDate = (date: string | null, now: number) => new Date(date ? Math.min(Date.parse(date), now) : now);

/**
 * One suggestion thread per placed tracked change, authored by the Word author's name and
 * belonging to no Caucus account, except the importer's own changes (as word-import.ts does for
 * comments: a name typed in Word's options must not put words under a colleague's account).
 * `insert` null: nothing is written, and every suggestion is counted as not stored.
 */
export async function writeImportedSuggestions(
  tx: Executor,
  insert: InsertSuggestionThread | null,
  draft: { id: string; workspaceId: string },
  importer: { id: string },
  suggestions: readonly PlacedSuggestion[]
): Promise<ImportedSuggestionsOutcome> {
  if (!insert) return { kept: 0, yours: 0, authors: [], otherAuthors: 0, notStored: suggestions.length };
  const now = Date.now();
  const byAuthor = new Map<string, number>();
  let yours = 0;
  for (const suggestion of suggestions) {
    await insert(tx, {
      draftId: draft.id,
      workspaceId: draft.workspaceId,
      anchor: suggestion.anchor,
      deleted: suggestion.deleted,
      insert: suggestion.insert,
      authorId: suggestion.ownChange ? importer.id : null,
      authorName: suggestion.authorName,
      organisationId: null,
      imported: true,
      createdAt: keptDate(suggestion.date, now),
    });
    if (suggestion.ownChange) yours += 1;
    byAuthor.set(suggestion.authorName, (byAuthor.get(suggestion.authorName) ?? 0) + 1);
  }
  const authors = [...byAuthor].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { kept: suggestions.length, yours, authors: authors.slice(0, MAX_AUTHORS_SHOWN), otherAuthors: Math.max(0, authors.length - MAX_AUTHORS_SHOWN), notStored: 0 };
}
