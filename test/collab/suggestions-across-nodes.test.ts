import { describe, expect, it } from "vitest";
import * as comments from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.comments";
import { listenToDraftEvents } from "../../app/editor/draft-events";
import type { DraftEvent } from "../../core/collab/draft-events";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { runJson, testContext } from "../remix";
import { ANCHOR, commentsPath, draftParams, jsonRequest } from "../integration/review-requests";
import { eventually, synced, type TestClient } from "./harness";
import { requireRedisInCI } from "./redis-env";
import { twoNodeSuite } from "./two-nodes";

const redisUrl = requireRedisInCI();

/** A real y-websocket client that records every draft event, through the browser's own module. */
function withEvents(client: TestClient) {
  const events: DraftEvent[] = [];
  listenToDraftEvents(client.provider, (event) => events.push(event));
  return Object.assign(client, { events });
}

// Issue 20: "suggestions live across nodes and appear for everyone within a second". The request
// is served by node A (its route context announces through A); the editor's socket is on node B.
describe.runIf(redisUrl)("suggestions across nodes", () => {
  describeEachDatabase("two nodes on one Redis", (handle) => {
    const nodes = twoNodeSuite(handle, redisUrl, withEvents);

    it("a suggestion made through node A reaches a client on node B as a thread event within a second", async () => {
      const world = await buildWorkspace(handle());
      const onB = nodes.connect(nodes.nodeB, world.members.editor.token, world.draft.id);
      await synced(onB);
      await nodes.subscribers(world.draft.id, 1);

      const context = testContext(handle(), undefined, { revalidate: async () => {}, announce: (draftId, event) => nodes.nodeA.collab.announce(draftId, event), settle: async () => {}, applyStoredChange: () => {} });
      const change = { anchor: { ...ANCHOR, quote: "should" }, deleted: "should", insert: { content: [{ type: "text", text: "must" }] } };
      const request = jsonRequest(commentsPath(world), world.members.reviewer.token, { intent: "suggest", change });
      const created = await runJson(comments.action, request, context, draftParams(world));
      expect(created.status).toBe(200);
      // Announced once the write committed, before the answer: from then on, within a second.
      const answered = Date.now();
      const { threadId } = created.body as { threadId: string };
      await eventually(() => onB.events, (events) => events.some((e) => e.type === "thread" && e.threadId === threadId), 1000);
      expect(Date.now() - answered).toBeLessThan(1000);

      // Accepting it is heard the same way.
      const decide = { intent: "decide-suggestions", decision: "accept", items: [{ threadId, revision: 0 }] };
      const accepted = await runJson(comments.action, jsonRequest(commentsPath(world), world.members.owner.token, decide), context, draftParams(world));
      expect(accepted.body).toEqual({ ok: true, threadIds: [threadId] });
      await eventually(() => onB.events.length, (n) => n === 2, 1000);
      expect(onB.events).toEqual([
        { type: "thread", threadId },
        { type: "thread", threadId },
      ]);
    });
  });
});
