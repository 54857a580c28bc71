import { z } from "zod";

/** A session id is the hex SHA-256 of its token (server/auth/sessions.ts). */
const SessionId = z.string().regex(/^[0-9a-f]{64}$/);

/** Account page: sign out one of the person's devices. */
export const EndSessionSchema = z.object({
  intent: z.literal("sign-out-device"),
  sessionId: SessionId,
});

/** How many offline copies one browser may ask about at once: far more than anyone keeps. */
export const OFFLINE_COPIES_MAX = 500;

/** The drafts a browser holds offline copies of (one id or several; none is an empty list). */
export const OfflineCopiesSchema = z.object({
  draftId: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(OFFLINE_COPIES_MAX)),
});
