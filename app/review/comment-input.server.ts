import type { z } from "zod";
import { COMMENT_MAX_CHARS, CommentIntentSchema, type CommentIntent } from "../../core/comments/contract";
import { message, type Message, type MessageId } from "../../core/i18n/message";

/** Far above any valid intent (a 4,000-character body, a 2,000-character quote, 20 mentions). */
const MAX_REQUEST_CHARS = 64 * 1024;
const INTENTS = CommentIntentSchema.options.map((option) => option.shape.intent.value);

export type IntentReading = { ok: true; intent: CommentIntent } | { ok: false; error: Message[] };

/**
 * Reads a comment intent from JSON (what the Comments tab sends) or from form fields (a plain
 * form: `anchor.start`, `anchor.end`, `anchor.quote`, repeated `mentions`), and checks it
 * with the contract's schema. A refusal carries the messages to show the person, put into words by the route.
 */
export async function readCommentIntent(request: Request): Promise<IntentReading> {
  const input = await readInput(request);
  if (!input.ok) return input;
  const parsed = CommentIntentSchema.safeParse(input.value);
  if (parsed.success) return { ok: true, intent: parsed.data };
  return { ok: false, error: describeIssues(parsed.error, input.value) };
}

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
  const intent = typeof input === "object" && input !== null ? (input as { intent?: unknown }).intent : undefined;
  if (!INTENTS.includes(intent as CommentIntent["intent"])) return [message("comments.request.unknownIntent", { intents: INTENTS.join(", ") })];
  return error.issues.map((issue) => {
    const field = issue.path.join(".");
    // The body's messages are written for people (catalogue ids, contract.ts); the rest are
    // zod's own words about a malformed request, which only a broken client sends.
    if (field === "body") {
      if (issue.code === "invalid_type") return message("comments.body.required");
      return issue.message === "comments.body.tooLong" ? message("comments.body.tooLong", { max: COMMENT_MAX_CHARS }) : message(issue.message as MessageId);
    }
    const problem = issue.message.endsWith(".") ? issue.message : `${issue.message}.`;
    return field ? message("comments.request.field", { field, problem }) : message("comments.request.field", { field: "request", problem });
  });
}
