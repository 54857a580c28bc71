import type { KyselyPlugin } from "kysely";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { listDraftClients } from "../../../db/queries/draft-clients";
import { describeEachDatabase } from "../../../test/db/test-database";
import { buildWorkspace } from "../../../test/factories";
import type { Logger } from "../../logger";
import type { Connection } from "../connection";
import type { Room } from "../room";
import type { ChangeOrigin } from "../types";
import { clientRegistry } from "./client-registry";

/** One change typed by `clientId`, as the room's update event hands it over. */
function changeBy(clientId: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Refuses every statement while `down` is set, as a database that went away would. */
function outage() {
  const state = { down: false };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (state.down) throw new Error("connection refused");
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { state, plugin };
}

// The registry's own failure handling; test/collab/client-registry.test.ts runs it in the server.
describeEachDatabase("the client registry extension", (handle) => {
  it("logs and drops a failed write, retries on the client's next change, and ignores peers' changes", async () => {
    const world = await buildWorkspace(handle());
    const { state, plugin } = outage();
    const warnings: string[] = [];
    const log: Logger = { debug() {}, info() {}, error() {}, warn: (message) => void warnings.push(message) };
    const registry = clientRegistry({ db: handle().db.withPlugin(plugin), log, batchMs: 10 });
    const room = { draftId: world.draft.id } as Room;
    const fromEditor: ChangeOrigin = { kind: "client", connection: { identity: { user: { id: world.members.editor.id } } } as Connection };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

    state.down = true;
    registry.onChange!(room, changeBy(7, "a"), fromEditor, [7]);
    await settle();
    expect(warnings).toEqual(["draft clients not recorded; their next change retries"]);
    state.down = false;
    registry.onChange!(room, changeBy(9, "b"), { kind: "peer", nodeId: "other" }, [9]);
    registry.onChange!(room, changeBy(7, "c"), fromEditor, [7]);
    await settle();
    expect(await listDraftClients(handle().db, world.draft.id)).toEqual(new Map([[7, world.members.editor.id]]));
    await registry.onShutdown!();
  });

  it("writes what is still queued on shutdown", async () => {
    const world = await buildWorkspace(handle());
    const log: Logger = { debug() {}, info() {}, warn() {}, error() {} };
    const registry = clientRegistry({ db: handle().db, log, batchMs: 60_000 });
    const room = { draftId: world.draft.id } as Room;
    registry.onChange!(room, changeBy(5, "x"), { kind: "client", connection: { identity: { user: { id: world.members.owner.id } } } as Connection }, [5]);
    await registry.onShutdown!();
    expect(await listDraftClients(handle().db, world.draft.id)).toEqual(new Map([[5, world.members.owner.id]]));
  });
});
