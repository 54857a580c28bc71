import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import * as versionsRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.versions";
import type { VersionSummary } from "../../core/versions/contract";
import { describeEachDatabase } from "../db/test-database";
import { paragraph, storeDraftContent } from "../draft-content-factories";
import { buildWorkspace } from "../factories";
import { makeRequest, runJson, testContext } from "../remix";
import { eventually, synced } from "./harness";
import { requireRedisInCI } from "./redis-env";
import { twoNodeSuite } from "./two-nodes";

const redisUrl = requireRedisInCI();

// A restore is written by the node that serves the request; an editor whose socket is on another
// node sees it at once, through Redis, as any change.
describe.runIf(redisUrl)("restore across nodes", () => {
  describeEachDatabase("two nodes on one Redis", (handle) => {
    const nodes = twoNodeSuite(handle, redisUrl);

    it("a draft restored through node A reads as the version for a client on node B", async () => {
      const w = await buildWorkspace(handle());
      await storeDraftContent(handle(), w.draft.id, [paragraph("The State should act.")], {});
      const onB = nodes.connect(nodes.nodeB, w.members.editor.token, w.draft.id);
      await synced(onB);
      await nodes.subscribers(w.draft.id, 1);
      const context = testContext(handle(), undefined, nodes.nodeA.collab);
      const path = `/workspaces/${w.workspace.id}/drafts/${w.draft.id}/versions`;
      const params = { workspaceId: w.workspace.id, draftId: w.draft.id };
      const named = await runJson(versionsRoute.action, makeRequest(path, { token: w.members.owner.token, form: { intent: "name", name: "Before" } }), context, params);
      const versionId = (named.body as { version: VersionSummary }).version.id;

      onB.type(" Now.");
      const text = () => ((onB.doc.getXmlFragment("body").get(0) as Y.XmlElement).get(0) as Y.XmlText).toString();
      expect(text()).toBe("The State should act. Now.");
      const restored = await runJson(versionsRoute.action, makeRequest(path, { token: w.members.owner.token, form: { intent: "restore", versionId } }), context, params);
      expect(restored.body).toMatchObject({ ok: true, changed: true });
      await eventually(text, (t) => t === "The State should act.", 2000);
    });
  });
});
