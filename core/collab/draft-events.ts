import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";

/**
 * A message type of our own on the collaboration socket, beside y-websocket's 0–3: the server
 * tells everyone in a draft that something stored outside the Y.Doc changed (a comment thread, the
 * draft's status), and their browsers fetch it again over HTTP, where every read is authorised.
 * Events therefore carry ids, never content. Clients never send this type: the server drops it.
 */
export const MESSAGE_DRAFT_EVENT = 100;

export const DraftEventSchema = z.discriminatedUnion("type", [
  /** A thread was created, replied to, edited, resolved, reopened or deleted. */
  z.object({ type: z.literal("thread"), threadId: z.uuid() }),
  /** The draft moved between drafting, in review and submitted, or its reviewers changed. */
  z.object({ type: z.literal("status") }),
]);
export type DraftEvent = z.infer<typeof DraftEventSchema>;

/** [MESSAGE_DRAFT_EVENT][JSON of the event] as one socket frame. */
export function encodeDraftEvent(event: DraftEvent): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_DRAFT_EVENT);
  encoding.writeVarString(encoder, JSON.stringify(event));
  return encoding.toUint8Array(encoder);
}

/** The event in a frame's body (after its type), or null when it is not one we know. */
export function readDraftEvent(decoder: decoding.Decoder): DraftEvent | null {
  try {
    const parsed = DraftEventSchema.safeParse(JSON.parse(decoding.readVarString(decoder)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
