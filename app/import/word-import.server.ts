import type { AppLoadContext } from "@remix-run/node";
import { createThread } from "../../db/queries/comment-threads";
import { createComment } from "../../db/queries/comments";
import type { Executor } from "../../db/queries/executor";
import { listMembers } from "../../db/queries/memberships";
import type { Draft } from "../../db/schema";
import type { DraftCheck } from "../../server/checks/check-draft";
import { checkLoadedDraft } from "../../server/checks/check-draft";
import type { PlacedThread } from "../../server/import/comment-anchors";
import type { WordDraft } from "../../server/import/word-draft";
import { findTemplate } from "../../templates";
import { insertDraft, type NewDraftResult } from "../workspaces/workspaces.server";
import { withCover, type WordCover } from "./word-cover.server";

/** What the import screen shows once the draft exists. */
export interface WordImportOutcome {
  draft: { id: string; title: string };
  fileName: string;
  report: WordDraft["report"];
  /** Cover fields taken from the file's cover block ("title", "State under review", "2 organisations"). */
  coverFromFile: string[];
  comments: { threads: number; comments: number; byMembers: number; resolved: number; placedNearby: number };
  check: DraftCheck;
}

/**
 * A new draft from a Word file already built in the worker pool (word-draft.ts) and its cover
 * (word-cover.server.ts): in one transaction the draft, its first state (body and cover), a
 * comment thread for each Word comment thread and the audit event are written, or nothing is.
 * The report ends with the stored draft's pre-flight check, the same one its Checks tab and the
 * export screen show.
 */
export async function importWordDraft(
  context: AppLoadContext,
  actor: { userId: string },
  workspaceId: string,
  cover: WordCover,
  file: { name: string; built: WordDraft },
): Promise<NewDraftResult<WordImportOutcome>> {
  const { input } = cover;
  const { built } = file;
  const template = findTemplate(input.template);
  if (!template) return { ok: false, fieldErrors: { template: ["Choose one of the listed templates."] } };
  const created = await context.db.transaction().execute(async (tx) => {
    const result = await insertDraft(tx, {
      actorId: actor.userId,
      workspaceId,
      input,
      template,
      document: { state: withCover(built.state, input, template), content: built.content, text: built.text },
      audit: { action: "draft.imported", details: { file: file.name, ...auditCounts(built) } },
    });
    if (!result.ok) return result;
    const threads = await storeWordThreads(tx, result.draft, built.threads);
    return { ok: true as const, draft: result.draft, threads };
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
      check: await checkLoadedDraft(context.db, created.draft),
    },
  };
}

/** Counts only: the audit log never holds the file's words. */
function auditCounts(built: WordDraft): Record<string, number> {
  const { report } = built;
  const comments = built.threads.reduce((n, thread) => n + thread.comments.length, 0);
  return { numberedParagraphs: report.numberedParagraphs, footnotes: report.footnotes, headings: report.headings, tables: report.tables, comments };
}

/**
 * Each Word comment thread becomes a Caucus thread, open or resolved as Word had it, with the
 * dates Word recorded (none later than now). An author is linked to the workspace member of that
 * exact name (ignoring case) when there is exactly one; otherwise the name is kept as text and
 * no account is credited (a Word author name is only what someone typed in Word's options).
 */
async function storeWordThreads(tx: Executor, draft: Draft, threads: readonly PlacedThread[]): Promise<WordImportOutcome["comments"]> {
  const byName = new Map<string, string | null>();
  for (const member of await listMembers(tx, draft.workspace_id)) {
    const key = member.name.trim().toLowerCase();
    byName.set(key, byName.has(key) ? null : member.userId);
  }
  const now = Date.now();
  const dated = (date: string | null) => (date ? new Date(Math.min(Date.parse(date), now)) : undefined);
  const outcome = { threads: threads.length, comments: 0, byMembers: 0, resolved: 0, placedNearby: 0 };
  for (const { anchor, exact, resolved, comments } of threads) {
    const authors = comments.map((c) => byName.get(c.author.toLowerCase()) ?? null);
    const thread = await createThread(tx, { draftId: draft.id, workspaceId: draft.workspace_id, anchor, createdBy: authors[0]!, createdAt: dated(comments[0]!.date), resolved });
    for (const [i, comment] of comments.entries()) {
      await createComment(tx, { threadId: thread.id, authorId: authors[i]!, authorName: comment.author, body: comment.text, mentions: [], createdAt: dated(comment.date) });
    }
    outcome.comments += comments.length;
    outcome.byMembers += authors.filter(Boolean).length;
    outcome.resolved += resolved ? 1 : 0;
    outcome.placedNearby += exact ? 0 : 1;
  }
  return outcome;
}
