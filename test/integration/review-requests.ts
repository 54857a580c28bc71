import type { AppLoadContext } from "@remix-run/node";
import type { DraftEvent } from "../../core/collab/draft-events";
import type { DatabaseHandle } from "../../db/client";
import * as comments from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.comments";
import type { buildWorkspace } from "../factories";
import { makeRequest, ORIGIN, testContext } from "../remix";

export type Built = Awaited<ReturnType<typeof buildWorkspace>>;

/** A load context whose collaboration server records what it was asked to announce. */
export function recordingContext(handle: DatabaseHandle): { context: AppLoadContext; announced: Array<{ draftId: string; event: DraftEvent }> } {
  const announced: Array<{ draftId: string; event: DraftEvent }> = [];
  const context = testContext(handle, undefined, { revalidate: async () => {}, announce: (draftId, event) => announced.push({ draftId, event }) });
  return { context, announced };
}

type RouteFunction = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => unknown;

/**
 * Runs a resource route's loader or action and reads its answer: these routes answer with
 * Response.json (test/remix.ts's run reports a Response's status but not its body).
 */
export async function runJson(fn: RouteFunction, request: Request, context: AppLoadContext, params: Record<string, string>): Promise<{ status: number; body: unknown }> {
  let value: unknown;
  try {
    value = await fn({ request, context, params });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    value = thrown;
  }
  if (!(value instanceof Response)) return { status: 200, body: value };
  const text = await value.text();
  return { status: value.status, body: value.headers.get("content-type")?.includes("application/json") ? JSON.parse(text) : text };
}

/** A JSON POST as the Comments tab sends it: same origin, with the session cookie. */
export function jsonRequest(path: string, token: string | undefined, body: unknown): Request {
  const headers = new Headers({ origin: ORIGIN, "content-type": "application/json" });
  if (token) headers.set("cookie", `caucus_session=${token}`);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

export const commentsPath = (w: Built, draftId = w.draft.id) => `/workspaces/${w.workspace.id}/drafts/${draftId}/comments`;
export const draftParams = (w: Built, draftId = w.draft.id) => ({ workspaceId: w.workspace.id, draftId });

/** Base64 Yjs relative positions are opaque to the server: any well-formed pair will do. */
export const ANCHOR = { start: "AQIDBAUGBwg=", end: "CAcGBQQDAgE=", quote: "the right to adequate housing" };

/** Posts one comment intent as JSON. */
export function postIntent(context: AppLoadContext, w: Built, token: string | undefined, intent: unknown, draftId = w.draft.id) {
  return runJson(comments.action, jsonRequest(commentsPath(w, draftId), token, intent), context, draftParams(w, draftId));
}

/** Lists a draft's threads (or one, with threadId) as the Comments tab loads them. */
export function getThreads(context: AppLoadContext, w: Built, token: string | undefined, threadId?: string) {
  const query = threadId ? `?threadId=${threadId}` : "";
  return runJson(comments.loader, makeRequest(`${commentsPath(w)}${query}`, { token }), context, draftParams(w));
}
