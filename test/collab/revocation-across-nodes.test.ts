import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseCode } from "../../core/collab/close-codes";
import { findMembership } from "../../db/queries/memberships";
import * as members from "../../app/routes/workspaces.$workspaceId.members";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { makeRequest, run, testContext } from "../remix";
import { connectClient, eventually, startCollab, synced, type CollabHarness, type TestClient } from "./harness";
import { requireRedisInCI } from "./redis-env";

const redisUrl = requireRedisInCI();

describe.runIf(redisUrl)("revocation across nodes", () => {
  describeEachDatabase("two nodes on one Redis", (handle) => {
    let nodeA: CollabHarness;
    let nodeB: CollabHarness;
    const clients: TestClient[] = [];

    beforeAll(async () => {
      nodeA = await startCollab(handle(), undefined, redisUrl);
      nodeB = await startCollab(handle(), undefined, redisUrl);
    });
    afterAll(async () => {
      for (const client of clients) client.destroy();
      await nodeA.close();
      await nodeB.close();
    });

    it("an owner removing someone on node A closes their socket on node B within a second", async () => {
      const world = await buildWorkspace(handle());
      const reviewer = connectClient(nodeB, world.members.reviewer.token, world.draft.id);
      const editorOnA = connectClient(nodeA, world.members.editor.token, world.draft.id);
      clients.push(reviewer, editorOnA);
      await Promise.all([synced(reviewer), synced(editorOnA)]);
      // The HTTP request is served by node A: only it hears of the change directly.
      const ctx = testContext(handle(), undefined, { revalidate: (filter) => nodeA.collab.revalidate(filter) });
      const membership = await findMembership(handle().db, world.workspace.id, world.members.reviewer.id);
      const started = Date.now();
      await run(
        members.action,
        makeRequest("/m", { token: world.members.owner.token, form: { intent: "remove-member", membershipId: membership!.id } }),
        ctx,
        { workspaceId: world.workspace.id },
      );
      await eventually(() => reviewer.closes.length, (n) => n === 1, 1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(reviewer.closes[0]!.code).toBe(CloseCode.AuthorizationChanged);
      // The editor on node A was not touched.
      expect(editorOnA.provider.wsconnected).toBe(true);
    });
  });
});
