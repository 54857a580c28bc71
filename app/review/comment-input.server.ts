import type { z } from "zod";
import { COMMENT_MAX_CHARS, CommentIntentSchema, type CommentIntent } from "../../core/comments/contract";
import { message, type Message, type MessageId } from "../../core/i18n/message";
import { DECIDE_MAX, DELETED_MAX_CHARS, INSERT_MAX_JSON_CHARS, SuggestionIntentSchema, type SuggestionIntent } from "../../core/suggestions/contract";

/**
 * Far above any valid intent: a suggestion's deleted text (escaped in JSON, up to twice its
 * length) and its insert, or a 4,000-character comment, or "accept all" naming 2,000 threads.
 */
const MAX_REQUEST_CHARS = 2 * DELETED_MAX_CHARS + INSERT_MAX_JSON_CHARS + 64 * 1024;
const COMMENT_INTENTS: readonly string[] = CommentIntentSchema.options.map((option) => option.shape.intent.value);
const SUGGESTION_INTENTS: readonly string[] = SuggestionIntentSchema.options.map((option) => option.shape.intent.value);
const INTENTS = [...COMMENT_INTENTS, ...SUGGESTION_INTENTS];

export type IntentReading =
  | { ok: true; kind: "comment"; intent: CommentIntent }
  | { ok: true; kind: "suggestion"; intent: SuggestionIntent }
  | { ok: false; error: Message[] };

/**
 * Reads a comment or suggestion intent from JSON (what the Comments tab and the editor send) or
 * a comment intent from form fields (a plain form: `anchor.start`, `anchor.end`, `anchor.quote`,
 * repeated `mentions`), and checks it with the contract's schema. A refusal carries the messages
 * to show the person, put into words by the route.
 */
export async function readCommentIntent(request: Request): Promise<IntentReading> {
  const input = await readInput(request);
  if (!input.ok) return input;
  const intent = intentOf(input.value);
  if (SUGGESTION_INTENTS.includes(intent as string)) {
    const parsed = SuggestionIntentSchema.safeParse(input.value);
    if (parsed.success) return { ok: true, kind: "suggestion", intent: parsed.data };
    return { ok: false, error: parsed.error.issues.map(describeSuggestionIssue) };
  }
  const parsed = CommentIntentSchema.safeParse(input.value);
  if (parsed.success) return { ok: true, kind: "comment", intent: parsed.data };
  return { ok: false, error: describeIssues(parsed.error, input.value) };
}

const intentOf = (input: unknown) => (typeof input === "object" && input !== null ? (input as { intent?: unknown }).intent : undefined);

async function readInput(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; error: Message[] }> {
  if (request.headers.get("content-type")?.includes("application/json")) {
    const text = await request.text();
    if (text.length > MAX_REQUEST_CHARS) return { ok: false, error: [message("comments.request.tooLarge")] };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false, error: [message("comments.request.invalidJson")] };
    }
  }
  const form = await request.formData();
  const value: Record<string, unknown> = {};
  const anchor: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key === "mentions") value.mentions = form.getAll(key);
    else if (key.startsWith("anchor.")) anchor[key.slice("anchor.".length)] = form.get(key);
    else value[key] = form.get(key);
  }
  if (Object.keys(anchor).length > 0) value.anchor = anchor;
  return { ok: true, value };
}

function describeIssues(error: z.ZodError, input: unknown): Message[] {
  if (!COMMENT_INTENTS.includes(intentOf(input) as string)) return [message("comments.request.unknownIntent", { intents: INTENTS.join(", ") })];
  return error.issues.map((issue) => {
    const field = issue.path.join(".");
    // The body's messages are written for people (catalogue ids, contract.ts); the rest are
    // zod's own words about a malformed request, which only a broken client sends.
    if (field === "body") {
      if (issue.code === "invalid_type") return message("comments.body.required");
      return issue.message === "comments.body.tooLong" ? message("comments.body.tooLong", { max: COMMENT_MAX_CHARS }) : message(issue.message as MessageId);
    }
    return malformed(issue);
  });
}

/**
 * A suggestion's refusals people can act on are written for them (catalogue ids, some from
 * core/suggestions/contract.ts); the rest are zod's words about a request only a broken client sends.
 */
function describeSuggestionIssue(issue: z.core.$ZodIssue): Message {
  if (issue.message === "suggestions.insert.tooLarge" || issue.message === "suggestions.change.empty") return message(issue.message);
  const field = issue.path.at(-1);
  if (issue.code === "too_big" && field === "deleted") return message("suggestions.deleted.tooLong", { max: DELETED_MAX_CHARS });
  // More top-level nodes than a slice may hold is the same "too long" as too many characters.
  if (issue.code === "too_big" && field === "content") return message("suggestions.insert.tooLarge");
  if (issue.code === "too_big" && field === "items") return message("suggestions.decide.tooMany", { max: DECIDE_MAX });
  return malformed(issue);
}

function malformed(issue: z.core.$ZodIssue): Message {
  const field = issue.path.join(".") || "request";
  const problem = issue.message.endsWith(".") ? issue.message : `${issue.message}.`;
  return message("comments.request.field", { field, problem });
}
