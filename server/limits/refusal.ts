import { message, type Message } from "../../core/i18n/message";
import type { LimitName, Limits } from "./limits";

/** Whole minutes to wait, never 0 (a wait of 20 s reads "1 minute"). */
export function waitMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

/** "Too many attempts. Wait N minutes, then try again.", for a form that shows the refusal itself. */
export function tooManyAttempts(retryAfterMs: number): Message {
  return message("common.limits.tooMany", { minutes: waitMinutes(retryAfterMs) });
}

/**
 * A refusal thrown as an HTTP answer, for the use cases whose routes have no refusal branch of
 * their own (sign-up, an invitation's acceptance): Remix answers a thrown Response with its
 * status and headers and shows its body, a catalogue id, on the error page. Retry-After carries
 * the exact wait for scripts and proxies.
 */
export function limitResponse(retryAfterMs: number): Response {
  return new Response("common.error.tooManyAttempts", {
    status: 429,
    headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))), "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Spends one attempt, or throws the 429 answer (limitResponse). */
export async function consumeOrThrow(limits: Limits, name: LimitName, key: string): Promise<void> {
  const outcome = await limits.consume(name, key);
  if (!outcome.ok) throw limitResponse(outcome.retryAfterMs);
}
