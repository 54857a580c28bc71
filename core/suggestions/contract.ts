import { z } from "zod";
import { AnchorSchema, QUOTE_MAX_CHARS } from "../comments/contract";

/**
 * Suggestions (issue 20, decision 022): proposed changes to the accepted text, stored outside the
 * Y.Doc as comment threads with a suggestion attached. A suggestion says "replace the accepted
 * text between these two anchors (the thread's, as Yjs relative positions) with this slice".
 * A reviewer's socket therefore stays read-only: suggesting, revising, withdrawing and deciding
 * are HTTP intents; accepting is applied to the text by an editor's own client, as an ordinary
 * (undoable) edit, after the server has recorded the decision.
 */

/** What a suggestion may become: open until accepted, rejected or withdrawn by its author. */
export const SUGGESTION_STATES = ["open", "accepted", "rejected", "withdrawn"] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** The accepted text a suggestion deletes, kept whole so a change to it can be noticed ("stale"). */
export const DELETED_MAX_CHARS = 100_000;
/** The proposed content as ProseMirror Slice JSON, bounded as JSON text. */
export const INSERT_MAX_JSON_CHARS = 200_000;
/** How many suggestions one "accept all" or "reject all" may decide in one request. */
export const DECIDE_MAX = 2_000;

/**
 * A ProseMirror Slice as Slice.toJSON() writes it (null for a pure deletion). Its shape is checked
 * here; that it fits the editor schema is checked by the server (Slice.fromJSON + Fragment.check).
 */
export const SliceJsonSchema = z
  .object({
    content: z.array(z.record(z.string(), z.unknown())).max(5_000),
    openStart: z.number().int().min(0).max(50).optional(),
    openEnd: z.number().int().min(0).max(50).optional(),
  })
  .refine((slice) => JSON.stringify(slice).length <= INSERT_MAX_JSON_CHARS, "suggestions.insert.tooLarge");
export type SliceJson = z.infer<typeof SliceJsonSchema>;

/**
 * A suggestion's anchor: the thread's anchor, except that a pure insertion has an empty range
 * (start and end at the same place) and so an empty quote.
 */
export const SuggestionAnchorSchema = AnchorSchema.extend({ quote: z.string().max(QUOTE_MAX_CHARS) });
export type SuggestionAnchor = z.infer<typeof SuggestionAnchorSchema>;

/** The change itself: where, what the accepted text there is now, and what would replace it. */
export const SuggestionChangeSchema = z
  .object({
    anchor: SuggestionAnchorSchema,
    /** The accepted text between the anchors as the author saw it ("" for an insertion). */
    deleted: z.string().max(DELETED_MAX_CHARS),
    insert: SliceJsonSchema.nullable(),
  })
  .refine((change) => change.deleted.length > 0 || (change.insert?.content.length ?? 0) > 0, "suggestions.change.empty");
export type SuggestionChange = z.infer<typeof SuggestionChangeSchema>;

const ThreadRevision = z.object({ threadId: z.uuid(), revision: z.number().int().min(0) });

/**
 * The suggestion intents the draft's comments route accepts, beside the comment intents (JSON).
 * - suggest: anyone who may comment (owners, editors, reviewers); the author's organisation is
 *   their membership's at that moment.
 * - revise: the author only, while open (typing on extends the same suggestion).
 * - refresh: the author or anyone who may edit: re-anchors a stale suggestion on the text as it
 *   is now (new anchor and deleted text, same insert).
 * - withdraw: the author only.
 * - decide: anyone who may edit; each item names the revision the decider saw, and a suggestion
 *   revised since is refused (409) so nobody accepts words they have not read.
 */
export const SuggestionIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("suggest"), change: SuggestionChangeSchema }),
  z.object({ intent: z.literal("revise-suggestion"), threadId: z.uuid(), revision: z.number().int().min(0), change: SuggestionChangeSchema }),
  z.object({
    intent: z.literal("refresh-suggestion"),
    threadId: z.uuid(),
    revision: z.number().int().min(0),
    anchor: SuggestionAnchorSchema,
    deleted: z.string().max(DELETED_MAX_CHARS),
  }),
  z.object({ intent: z.literal("withdraw-suggestion"), threadId: z.uuid() }),
  z.object({ intent: z.literal("decide-suggestions"), decision: z.enum(["accept", "reject"]), items: z.array(ThreadRevision).min(1).max(DECIDE_MAX) }),
]);
export type SuggestionIntent = z.infer<typeof SuggestionIntentSchema>;

/** A suggestion as the browser sees it: ThreadView.suggestion (null on an ordinary comment thread). */
export interface SuggestionView {
  state: SuggestionState;
  /** Bumped by every revise and refresh; a decision names the revision it was made on. */
  revision: number;
  deleted: string;
  insert: SliceJson | null;
  /** null when the author has left, or for a tracked change imported from Word. */
  authorId: string | null;
  /** The account's name, or the Word author's name for an imported tracked change. */
  authorName: string;
  /** The author's organisation when they suggested (null: none, or imported). */
  organisationId: string | null;
  organisationName: string | null;
  /** Brought in from a Word file's tracked changes. */
  imported: boolean;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
}
