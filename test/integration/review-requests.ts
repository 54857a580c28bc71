import type { AppLoadContext } from "@remix-run/node";
import type { DraftEvent } from "../../core/collab/draft-events";
import type { DatabaseHandle } from "../../db/client";
import * as comments from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.comments";
import type { buildWorkspace } from "../factories";
import { makeRequest, ORIGIN, runJson, testContext } from "../remix";

export type Built = Awaited<ReturnType<typeof buildWorkspace>>;

/** A load context whose collaboration server records what it was asked to announce. */
export function recordingContext(handle: DatabaseHandle): { context: AppLoadContext; announced: Array<{ draftId: string; event: DraftEvent }> } {
  const announced: Array<{ draftId: string; event: DraftEvent }> = [];
  const context = testContext(handle, undefined, { revalidate: async () => {}, announce: (draftId, event) => announced.push({ draftId, event }), settle: async () => {}, applyStoredChange: () => {} });
  return { context, announced };
}

// Moved to test/remix.ts beside `run` (the library's resource routes read bodies too); kept
// here as well so the review tests import everything of theirs from one place.
export { runJson } from "../remix";

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
