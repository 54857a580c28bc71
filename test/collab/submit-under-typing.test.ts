import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import * as submitRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.submit";
import { draftDocName } from "../../core/collab/doc-name";
import { canonicalDocument, documentSchema } from "../../core/editor/canonical";
import { plainText } from "../../core/editor/plain-text";
import { readDraftContent } from "../../server/drafts/draft-content";
import { readDocx } from "../../server/import/docx";
import { describeEachDatabase } from "../db/test-database";
import { buildCleanDraft } from "../draft-content-factories";
import { fetchFile, submitRequest } from "../integration/export-requests";
import { testContext } from "../remix";
import { connectClient, synced, type TestClient } from "./harness";
import { requireRedisInCI } from "./redis-env";
import { twoNodeSuite } from "./two-nodes";

const redisUrl = requireRedisInCI();
const RUNS = 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// What is submitted is exactly what was frozen (issue 16): clients on two nodes keep typing
// while the owner marks the draft as submitted; the stored file must read, block for block,
// as the draft the database and every node's room hold afterwards.
describe.runIf(redisUrl)("two nodes on one Redis", () => describeEachDatabase("submission while people type on two nodes", (handle) => {
  const nodes = twoNodeSuite(handle, redisUrl);

  it(`stores exactly the frozen draft, ${RUNS} times out of ${RUNS}`, { timeout: RUNS * 8000 }, async () => {
    const [one, two] = [nodes.nodeA, nodes.nodeB];
    for (let run = 0; run < RUNS; run++) {
      const { world, draft } = await buildCleanDraft(handle());
      const { owner, editor, viewer } = world.members;
      const clients: TestClient[] = [connectClient(one, owner.token, draft.id), connectClient(two, editor.token, draft.id), connectClient(one, editor.token, draft.id)];
      // Readers keep both rooms open after the editors' sockets close.
      const readers = [connectClient(one, viewer.token, draft.id), connectClient(two, viewer.token, draft.id)];
      try {
        await Promise.all([...clients, ...readers].map(synced));
        let typing = true;
        const typists = clients.map(async (client, c) => {
          for (let k = 0; typing; k++) {
            client.type(` c${c}k${k}`);
            await pause(3 + c);
          }
        });
        await pause(150);
        const context = testContext(handle(), undefined, one.collab);
        const answer = await fetchFile(submitRoute.action, submitRequest(world.workspace.id, draft.id, owner.token, { intent: "submit", format: "docx", signOffOverride: "on" }), context, { workspaceId: world.workspace.id, draftId: draft.id });
        await pause(100);
        typing = false;
        await Promise.all(typists);
        expect(answer.status, `run ${run}: ${JSON.stringify(answer.json)}`).toBe(200);

        const frozen = plainText((await readDraftContent(handle().db, draft.id)).doc).blocks;
        const row = await handle().db.selectFrom("exports").select("bytes").where("draft_id", "=", draft.id).executeTakeFirstOrThrow();
        const printed = plainText(documentSchema().nodeFromJSON(readDocx(row.bytes).doc)).blocks;
        expect(printed, `run ${run}`).toEqual(frozen);
        // Typed words were frozen in, not only the template's.
        expect(frozen.join(" "), `run ${run}`).toMatch(/c\dk\d+/);
        // Every node's copy is the frozen draft: nothing was applied after the freeze (not
        // applied, then refused by the database and reloaded: the room is the one readers are in).
        for (const node of [one, two]) {
          const room = node.collab.rooms.get(draftDocName(draft.id))!;
          expect(room.connections.size, `run ${run}`).toBeGreaterThan(0);
          expect(blocksOf(room.materialise()), `run ${run}`).toEqual(frozen);
        }
        for (const reader of readers) expect(reader.closes, `run ${run}`).toEqual([]);
      } finally {
        for (const client of [...clients, ...readers]) client.destroy();
      }
    }
  });
}));

/** A Y.Doc's body blocks, through the same reader as everything else that reads one. */
const blocksOf = (doc: Y.Doc) => plainText(documentSchema().nodeFromJSON(canonicalDocument(doc).json)).blocks;
