import { describe, expect, it } from "vitest";
import { CloseCode } from "../../core/collab/close-codes";
import { draftDocName } from "../../core/collab/doc-name";
import { findMembership } from "../../db/queries/memberships";
import * as members from "../../app/routes/workspaces.$workspaceId.members";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { makeRequest, run, testContext } from "../remix";
import { connectClient, eventually, startCollab, synced } from "./harness";
import { requireRedisInCI } from "./redis-env";
import * as submitRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.submit";
import { NOT_PAUSED_MESSAGE } from "../../server/export/submit";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { findDraftFreeze } from "../../db/queries/draft-freeze";
import { buildCleanDraft } from "../draft-content-factories";
import { fetchFile, submitRequest } from "../integration/export-requests";
import { twoNodeSuite } from "./two-nodes";

const redisUrl = requireRedisInCI();

describe.runIf(redisUrl)("revocation across nodes", () => {
  describeEachDatabase("two nodes on one Redis", (handle) => {
    const nodes = twoNodeSuite(handle, redisUrl);

    it("an owner removing someone on node A closes their socket on node B within a second", async () => {
      const world = await buildWorkspace(handle());
      const reviewer = nodes.connect(nodes.nodeB, world.members.reviewer.token, world.draft.id);
      const editorOnA = nodes.connect(nodes.nodeA, world.members.editor.token, world.draft.id);
      await Promise.all([synced(reviewer), synced(editorOnA)]);
      // The HTTP request is served by node A: only it hears of the change directly.
      const ctx = testContext(handle(), undefined, { revalidate: (filter) => nodes.nodeA.collab.revalidate(filter), announce: () => {}, settle: async () => {}, applyStoredChange: () => {} });
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

describeEachDatabase("a node whose Redis is unreachable", (handle) => {
  it("still opens rooms, converges its own clients and saves", async () => {
    // Nothing listens on port 1: every Redis command fails, and the node must carry on alone.
    const node = await startCollab(handle(), undefined, "redis://127.0.0.1:1");
    const world = await buildWorkspace(handle());
    const a = connectClient(node, world.members.owner.token, world.draft.id);
    const b = connectClient(node, world.members.editor.token, world.draft.id);
    try {
      await Promise.all([synced(a), synced(b)]);
      a.type("Redis is down, ");
      b.type("and we still write.");
      await eventually(() => [a.text(), b.text()], ([x, y]) => x === y && x!.includes("Redis is down") && x!.includes("still write"));
    } finally {
      a.destroy();
      b.destroy();
      await node.close();
    }
    const rows = await handle().db.selectFrom("draft_updates").select("seq").where("draft_id", "=", world.draft.id).execute();
    const snapshot = await handle().db.selectFrom("draft_snapshots").select("text").where("draft_id", "=", world.draft.id).executeTakeFirst();
    expect(rows.length + (snapshot ? 1 : 0)).toBeGreaterThan(0);
  });

  it("refuses a submission it cannot pause on every node, within seconds, and lets go of the draft", async () => {
    const node = await startCollab(handle(), undefined, "redis://127.0.0.1:1");
    const { world, draft } = await buildCleanDraft(handle());
    const client = connectClient(node, world.members.owner.token, draft.id);
    try {
      await synced(client);
      const started = Date.now();
      const answer = await fetchFile(submitRoute.action, submitRequest(world.workspace.id, draft.id, world.members.owner.token, { intent: "submit", format: "docx", signOffOverride: "on" }), testContext(handle(), undefined, node.collab), { workspaceId: world.workspace.id, draftId: draft.id });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(answer.status).toBe(503);
      // The route answers in the asker's language: English for a request that names none.
      expect(answer.json).toEqual({ ok: false, error: createTranslator("en", UI_CATALOGUES.en).t(NOT_PAUSED_MESSAGE) });
      expect(await findDraftFreeze(handle().db, draft.id)).toMatchObject({ status: "drafting", frozen: null });
      // This node's room let go before the answer: an edit typed at once is taken, not refused.
      expect(node.collab.rooms.get(draftDocName(draft.id))!.frozen).toBeNull();
      // Editing goes on.
      client.type("Still editing. ");
      await eventually(() => client.durable.state.unsaved, (n) => n === 0);
    } finally {
      client.destroy();
      await node.close();
    }
  });
});
