import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { SUBMITTED_COMMENTS_MESSAGE, type ThreadView } from "../../core/comments/contract";
import { requireDraftAccess } from "../auth/guards.server";
import { notFound } from "../http-errors.server";
import { readCommentIntent } from "../review/comment-input.server";
import { requestTranslator } from "../review/request-translator.server";

// The draft's comment threads, for the editor's Comments tab. Threads live in PostgreSQL and are
// written here, over HTTP, never through the Y.Doc: a reviewer's socket stays read-only.
//
// Answers are Response.json, not data(): the Comments tab fetches this URL itself, and for a
// resource route outside single fetch's ".data" requests, data()'s status and headers are lost.

const NO_STORE = { "Cache-Control": "private, no-store" };
const ThreadId = z.uuid();

export interface CommentsListing {
  threads: ThreadView[];
  /** Everyone in the workspace, for "@" completion; the server keeps only those named. */
  members: Array<{ id: string; name: string }>;
  me: { id: string; canComment: boolean };
}

/**
 * GET: every thread of the draft (or `?threadId=` for one, as after a "thread" event), the
 * members who can be @mentioned, and whether this person may comment. Any member reads.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft, draftAbilities, user, workspace } = await requireDraftAccess(request, context, params, "read");
  const threadId = new URL(request.url).searchParams.get("threadId");
  if (threadId !== null && !ThreadId.safeParse(threadId).success) throw notFound();
  const threads = await context.services.review.threads(draft.id, threadId === null ? undefined : [threadId]);
  // A thread of another draft, or one deleted since the event, is a 404 like any other absence.
  if (threadId !== null && threads.length === 0) throw notFound("comments.refused.threadNotFound");
  const listing: CommentsListing = {
    threads,
    members: await context.services.review.mentionable(workspace.id),
    me: { id: user.id, canComment: draftAbilities.comment && draft.status !== "submitted" },
  };
  return Response.json(listing, { headers: NO_STORE });
}

export type CommentsActionResult =
  | { ok: true; threadId: string; thread: ThreadView | null }
  /** A decision on suggestions ("accept all"): the threads it closed, each also announced. */
  | { ok: true; threadIds: string[] }
  | { ok: false; error: string };

const answer = (result: CommentsActionResult, status = 200) => Response.json(result, { status, headers: NO_STORE });
const refuse = (status: number, error: string) => answer({ ok: false, error }, status);

/**
 * POST (JSON or form fields): one CommentIntent, or (JSON) one SuggestionIntent. Owners, editors
 * and reviewers comment and suggest; viewers get 403, strangers 404. Edit and delete: one's own
 * comments only. Resolve and reopen: anyone who may comment, so the editor who deals with a
 * reviewer's point can close it. Revise and withdraw: the suggestion's author; refresh: the
 * author or anyone who may edit; accept and reject: anyone who may edit (403 for reviewers).
 * Answers the thread as it now is (null once deleted), or a decision's thread ids, and tells
 * everyone in the draft to fetch each thread.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { draft, draftAbilities, user } = await requireDraftAccess(request, context, params, "comment");
  // Refusals answer in the person's language: the Comments tab shows them as they come.
  const tr = requestTranslator(request, user);
  if (draft.status === "submitted") return refuse(409, tr.t(SUBMITTED_COMMENTS_MESSAGE));
  const reading = await readCommentIntent(request);
  if (!reading.ok) return refuse(400, reading.error.map(tr.text).join(" "));
  const target = { draftId: draft.id, workspaceId: draft.workspace_id, draftTitle: draft.title };
  if (reading.kind === "suggestion") {
    const { intent } = reading;
    if (intent.intent === "decide-suggestions" && !draftAbilities.edit) return refuse(403, tr.t("suggestions.refused.decide"));
    const outcome = await context.services.review.applySuggestion({ userId: user.id, userName: user.name, canEdit: draftAbilities.edit }, target, intent);
    if (!outcome.ok) return refuse(outcome.status, tr.text(outcome.error));
    if (intent.intent === "decide-suggestions") return answer({ ok: true, threadIds: outcome.threadIds });
    return answer({ ok: true, threadId: outcome.threadIds[0]!, thread: outcome.thread });
  }
  const outcome = await context.services.review.applyComment({ userId: user.id, userName: user.name }, target, reading.intent);
  if (!outcome.ok) return refuse(outcome.status, tr.text(outcome.error));
  return answer({ ok: true, threadId: outcome.threadId, thread: outcome.thread });
}
