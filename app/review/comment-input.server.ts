import type { z } from "zod";
import { CommentIntentSchema, type CommentIntent } from "../../core/comments/contract";

/** Far above any valid intent (a 4,000-character body, a 2,000-character quote, 20 mentions). */
const MAX_REQUEST_CHARS = 64 * 1024;
const INTENTS = CommentIntentSchema.options.map((option) => option.shape.intent.value);

export type IntentReading = { ok: true; intent: CommentIntent } | { ok: false; error: string };

/**
 * Reads a comment intent from JSON (what the Comments tab sends) or from form fields (a plain
 * form: `anchor.start`, `anchor.end`, `anchor.quote`, repeated `mentions`), and checks it
 * with the contract's schema. A refusal carries one sentence to show the person.
 */
export async function readCommentIntent(request: Request): Promise<IntentReading> {
  const input = await readInput(request);
  if (!input.ok) return input;
  const parsed = CommentIntentSchema.safeParse(input.value);
  if (parsed.success) return { ok: true, intent: parsed.data };
  return { ok: false, error: describeIssues(parsed.error, input.value) };
}

async function readInput(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  if (request.headers.get("content-type")?.includes("application/json")) {
    const text = await request.text();
    if (text.length > MAX_REQUEST_CHARS) return { ok: false, error: "The request is too large." };
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false, error: "The request is not valid JSON." };
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

function describeIssues(error: z.ZodError, input: unknown): string {
  const intent = typeof input === "object" && input !== null ? (input as { intent?: unknown }).intent : undefined;
  if (!INTENTS.includes(intent as CommentIntent["intent"])) return `Unknown intent: expected one of ${INTENTS.join(", ")}.`;
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".");
      // The body's length messages are written for people; the rest name the field they are about.
      if (field === "body") return issue.code === "invalid_type" ? "Write a comment first." : issue.message;
      const sentence = field ? `${field}: ${issue.message}` : issue.message;
      return sentence.endsWith(".") ? sentence : `${sentence}.`;
    })
    .join(" ");
}
