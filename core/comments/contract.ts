import { z } from "zod";
import type { MessageId } from "../i18n/message";
import type { SuggestionView } from "../suggestions/contract";

/**
 * What the browser and the comment routes exchange (issue 7). Threads and comments live in
 * PostgreSQL, written over HTTP, never in the Y.Doc: a reviewer's socket stays read-only.
 */

export const COMMENT_MAX_CHARS = 4000;
export const QUOTE_MAX_CHARS = 2000;
/** Why a submitted draft's comments refuse every write (409): the route and server/review say it. */
export const SUBMITTED_COMMENTS_MESSAGE: MessageId = "comments.refused.submitted";
/** A Yjs relative position, base64-encoded (Y.encodeRelativePosition): a few dozen bytes. */
const RelativePosition = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, "not a base64 position").max(512);

export const THREAD_STATUSES = ["open", "resolved"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Where a thread is: start and end against the draft's body, plus the text as it was quoted. */
export const AnchorSchema = z.object({ start: RelativePosition, end: RelativePosition, quote: z.string().min(1).max(QUOTE_MAX_CHARS) });
export type Anchor = z.infer<typeof AnchorSchema>;

const Body = z
  .string()
  .transform((s) => s.trim())
  // Catalogue ids, put into words where the refusal is shown (app/review/comment-input.server.ts).
  .pipe(z.string().min(1, "comments.body.required").max(COMMENT_MAX_CHARS, "comments.body.tooLong"));
/** Members mentioned with "@Name" in the body; the server keeps only workspace members. */
const Mentions = z.array(z.uuid()).max(20).default([]);

/** The intents the draft's comments action accepts (form fields, or JSON with the same keys). */
export const CommentIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create-thread"), anchor: AnchorSchema, body: Body, mentions: Mentions }),
  z.object({ intent: z.literal("reply"), threadId: z.uuid(), body: Body, mentions: Mentions }),
  z.object({ intent: z.literal("edit"), commentId: z.uuid(), body: Body, mentions: Mentions }),
  z.object({ intent: z.literal("delete"), commentId: z.uuid() }),
  z.object({ intent: z.literal("resolve"), threadId: z.uuid() }),
  z.object({ intent: z.literal("reopen"), threadId: z.uuid() }),
]);
export type CommentIntent = z.infer<typeof CommentIntentSchema>;

export interface CommentView {
  id: string;
  threadId: string;
  /** null when the author has left the workspace (their name is kept as `authorName`). */
  authorId: string | null;
  authorName: string;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  /**
   * An opening comment deleted while replies remain: body and mentions are empty, shown as
   * "Comment deleted" so the replies keep their context. Any other deleted comment is gone.
   */
  deleted: boolean;
}

export interface ThreadView {
  id: string;
  draftId: string;
  anchor: Anchor;
  status: ThreadStatus;
  createdBy: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  /** Oldest first; the first is the thread's opening comment (a suggestion may have none). */
  comments: CommentView[];
  /** The proposed change when this thread is a suggestion (issue 20); null on a comment thread. */
  suggestion: SuggestionView | null;
}
