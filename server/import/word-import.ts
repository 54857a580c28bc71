import type { Message } from "../../core/i18n/message";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { comparable } from "../../core/text/comparable";
import { insertImportedThreads, type ImportedThreadRow } from "../../db/queries/comment-threads";
import type { Executor } from "../../db/queries/executor";
import type { Database, Draft } from "../../db/schema";
import type { Template } from "../../templates";
import { checkLoadedDraft, type DraftCheck } from "../checks/check-draft";
import { insertDraft, type NewDraftResult } from "../drafts/new-draft";
import type { PlacedThread } from "./comment-anchors";
import { MAX_COMMENTS, MAX_SUGGESTIONS } from "./docx";
import { recordStoredVersion } from "../versions/moments";
import { writeImportedSuggestions, type ImportedSuggestionsOutcome, type InsertSuggestionThread } from "./write-suggestions";
import { insertSuggestionThread } from "../../db/queries/suggestions";
import { withCover, type WordCover } from "./word-cover";
import type { WordDraft } from "./word-draft";

/** What the import screen shows once the draft exists. */
export interface WordImportOutcome {
  draft: { id: string; title: string };
  fileName: string;
  report: WordDraft["report"];
  /** Cover fields taken from the file's cover block ("title", "State under review", "2 organisations"). */
  coverFromFile: Message[];
  /** `yours`: comments written under the importer's own name, linked to their account. */
  comments: { threads: number; comments: number; yours: number; resolved: number; placedNearby: number };
  /** The reader's bound on comments, for the sentence about any left out. */
  maxComments: number;
  /** The file's tracked changes written as suggestions, by author. */
  suggestions: ImportedSuggestionsOutcome;
  /** The reader's bound on tracked changes kept as suggestions, for the sentence about those accepted past it. */
  maxSuggestions: number;
  check: DraftCheck;
}

/**
 * A new draft from a Word file already built in the worker pool (word-draft.ts) and its cover
 * (word-cover.ts): in one transaction the draft, its first state (body and cover), a
 * comment thread for each Word comment thread, a suggestion for each tracked change and the
 * audit event are written, or nothing is. `storeSuggestion` is the suggestions' storage (tests
 * may pass their own).
 * The report ends with the stored draft's pre-flight check, the same one its Checks tab and the
 * export screen show.
 */
export async function importWordDraft(
  db: Kysely<Database>,
  actor: { id: string; name: string },
  workspaceId: string,
  template: Template,
  cover: WordCover,
  file: { name: string; built: WordDraft },
  storeSuggestion: InsertSuggestionThread = insertSuggestionThread
): Promise<NewDraftResult<WordImportOutcome>> {
  const { input } = cover;
  const { built } = file;
  const created = await db.transaction().execute(async (tx) => {
    const result = await insertDraft(tx, {
      actorId: actor.id,
      workspaceId,
      input,
      template,
      document: { state: withCover(built.state, cover, template), content: built.content, text: built.text },
      audit: { action: "draft.imported", details: { file: file.name, ...auditCounts(built) } },
    });
    if (!result.ok) return result;
    await recordStoredVersion(tx, result.draft.id, { kind: "import", actorId: actor.id });
    const threads = await storeWordThreads(tx, result.draft, actor, built.threads);
    const suggestions = await writeImportedSuggestions(tx, storeSuggestion, { id: result.draft.id, workspaceId: result.draft.workspace_id }, actor, built.suggestions);
    return { ok: true as const, draft: result.draft, threads, suggestions };
  });
  if (!created.ok) return created;
  return {
    ok: true,
    draft: {
      draft: { id: created.draft.id, title: created.draft.title },
      fileName: file.name,
      report: built.report,
      coverFromFile: cover.fromFile,
      comments: created.threads,
      maxComments: MAX_COMMENTS,
      suggestions: created.suggestions,
      maxSuggestions: MAX_SUGGESTIONS,
      check: await checkLoadedDraft(db, created.draft),
    },
  };
}

/** Counts only: the audit log never holds the file's words. */
function auditCounts(built: WordDraft): Record<string, number> {
  const { report } = built;
  const comments = built.threads.reduce((n, thread) => n + thread.comments.length, 0);
  return { numberedParagraphs: report.numberedParagraphs, footnotes: report.footnotes, headings: report.headings, tables: report.tables, comments, suggestions: built.suggestions.length };
}

/** A Word date kept for a comment; a date after the import is the file's clock, not a fact. */
const keptDate = (date: string | null, now: number) => new Date(date ? Math.min(Date.parse(date), now) : now);

/**
 * Each Word comment thread becomes a Caucus thread, open or resolved as Word had it, with the
 * dates Word recorded (none later than now). Comments keep their Word author's name as text and
 * belong to no Caucus account, except those under the importer's own name, which are theirs: a
 * Word author name is only what someone typed in Word's options, and crediting another member
 * would let anyone who imports put words under a colleague's account.
 */
async function storeWordThreads(tx: Executor, draft: Draft, importer: { id: string; name: string }, threads: readonly PlacedThread[]): Promise<WordImportOutcome["comments"]> {
  const now = Date.now();
  const own = (author: string) => (comparable(author) === comparable(importer.name) ? importer.id : null);
  const rows: ImportedThreadRow[] = threads.map(({ anchor, resolved, comments }) => ({
    id: randomUUID(),
    draftId: draft.id,
    workspaceId: draft.workspace_id,
    anchor,
    createdBy: own(comments[0]!.author),
    createdAt: keptDate(comments[0]!.date, now),
    resolved,
    comments: comments.map((c) => ({ authorId: own(c.author), authorName: c.author, body: c.text, createdAt: keptDate(c.date, now) })),
  }));
  await insertImportedThreads(tx, rows);
  const comments = rows.flatMap((r) => r.comments);
  return {
    threads: rows.length,
    comments: comments.length,
    yours: comments.filter((c) => c.authorId !== null).length,
    resolved: threads.filter((t) => t.resolved).length,
    placedNearby: threads.filter((t) => !t.exact).length,
  };
}
