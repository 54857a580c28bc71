/** Writing a Word file's tracked changes as suggestions (issue 20), inside the import's transaction. */
import type { NewSuggestion } from "../../db/queries/suggestions";
import type { Executor } from "../../db/queries/executor";
import type { PlacedSuggestion } from "./suggestion-anchors";

/** Where a suggestion thread is written: insertSuggestionThread, or a test's stand-in that fails on purpose. */
export type InsertSuggestionThread = (db: Executor, input: NewSuggestion) => Promise<unknown>;

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
}

export const MAX_AUTHORS_SHOWN = 8;


/** A Word date kept for a suggestion; a date after the import is the file's clock, not a fact. */
const keptDate = (date: string | null, now: number) => new Date(date ? Math.min(Date.parse(date), now) : now);

/**
 * One suggestion thread per placed tracked change, authored by the Word author's name and
 * belonging to no Caucus account, except the importer's own changes (as word-import.ts does for
 * comments: a name typed in Word's options must not put words under a colleague's account).
 */
export async function writeImportedSuggestions(
  tx: Executor,
  insert: InsertSuggestionThread,
  draft: { id: string; workspaceId: string },
  importer: { id: string },
  suggestions: readonly PlacedSuggestion[]
): Promise<ImportedSuggestionsOutcome> {
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
  return { kept: suggestions.length, yours, authors: authors.slice(0, MAX_AUTHORS_SHOWN), otherAuthors: Math.max(0, authors.length - MAX_AUTHORS_SHOWN) };
}
