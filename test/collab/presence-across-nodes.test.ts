import { describe, expect, it } from "vitest";
import { draftDocName } from "../../core/collab/doc-name";
import { userColor } from "../../core/collab/user-color";
import { roomChannel } from "../../server/collab/extensions/redis-fan-out";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { awarenessFrame, awarenessUpdate, openRawSocket } from "./awareness-frames";
import { eventually, synced, type TestClient } from "./harness";
import { requireRedisInCI } from "./redis-env";
import { twoNodeSuite } from "./two-nodes";

const redisUrl = requireRedisInCI();

type State = { user?: { name?: string; color?: string }; cursor?: { anchor?: number } };
const stateIn = (observer: TestClient, clientId: number) => observer.provider.awareness.getStates().get(clientId) as State | undefined;
const anchorIn = (observer: TestClient, clientId: number) => stateIn(observer, clientId)?.cursor?.anchor;

/** Every caret anchor `observer` was shown for `clientId`, in order. */
function anchors(observer: TestClient, clientId: number): Array<number | undefined> {
  const seen: Array<number | undefined> = [];
  observer.provider.awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
    if (added.includes(clientId) || updated.includes(clientId)) seen.push(anchorIn(observer, clientId));
  });
  return seen;
}

describe.runIf(redisUrl)("presence across nodes", () => {
  describeEachDatabase("two nodes on one Redis", (handle) => {
    const nodes = twoNodeSuite(handle, redisUrl);
    const { connect, subscribers } = nodes;

    it("shows the account's name on every node, whatever the page on the other node claimed", async () => {
      const world = await buildWorkspace(handle());
      const observer = connect(nodes.nodeA, world.members.owner.token, world.draft.id);
      const viewer = connect(nodes.nodeB, world.members.viewer.token, world.draft.id);
      await Promise.all([synced(observer), synced(viewer)]);
      await subscribers(world.draft.id, 2);
      viewer.provider.awareness.setLocalState({ user: { name: "Owner", color: "#000000" }, cursor: { anchor: 1, head: 1 } });
      const shown = await eventually(() => stateIn(observer, viewer.doc.clientID), (state) => state !== undefined);
      expect(shown).toEqual({ user: { name: "Viewer", color: userColor(world.members.viewer.id) }, cursor: { anchor: 1, head: 1 } });
    });

    it("refuses, on node B, a client id that a socket on node A holds", async () => {
      const world = await buildWorkspace(handle());
      const editor = connect(nodes.nodeA, world.members.editor.token, world.draft.id);
      const onA = connect(nodes.nodeA, world.members.owner.token, world.draft.id);
      const onB = connect(nodes.nodeB, world.members.reviewer.token, world.draft.id);
      await Promise.all([synced(editor), synced(onA), synced(onB)]);
      await subscribers(world.draft.id, 2);
      const id = editor.doc.clientID;
      const seen = [anchors(onA, id), anchors(onB, id)];
      editor.provider.awareness.setLocalStateField("cursor", { anchor: 1, head: 1 });
      await eventually(() => anchorIn(onB, id), (anchor) => anchor === 1);

      const forger = await openRawSocket(`${nodes.nodeB.url}/${draftDocName(world.draft.id)}`, nodes.nodeB.origin, world.members.viewer.token);
      const clock = editor.provider.awareness.meta.get(id)!.clock;
      forger.socket.send(awarenessFrame([{ clientId: id, clock: clock + 100, state: { cursor: { anchor: 99, head: 99 } } }]));
      forger.socket.send(awarenessFrame([{ clientId: id, clock: clock + 200, state: null }]));
      const forging = () => [...nodes.nodeB.collab.rooms.get(draftDocName(world.draft.id))!.connections].find((c) => c.identity.user.id === world.members.viewer.id)!;
      await eventually(() => forging().droppedFrames, (n) => n === 2);

      editor.provider.awareness.setLocalStateField("cursor", { anchor: 2, head: 2 });
      await eventually(() => [anchorIn(onA, id), anchorIn(onB, id)], (both) => both.every((anchor) => anchor === 2));
      expect(seen).toEqual([
        [1, 2],
        [1, 2],
      ]);
      forger.socket.close();
    });

    it("ignores a peer node's update to a client id a socket here holds", async () => {
      const world = await buildWorkspace(handle());
      const editor = connect(nodes.nodeA, world.members.editor.token, world.draft.id);
      const observer = connect(nodes.nodeA, world.members.owner.token, world.draft.id);
      await Promise.all([synced(editor), synced(observer)]);
      await subscribers(world.draft.id, 1);
      const id = editor.doc.clientID;
      const seen = anchors(observer, id);
      editor.provider.awareness.setLocalStateField("cursor", { anchor: 1, head: 1 });
      await eventually(() => anchorIn(observer, id), (anchor) => anchor === 1);

      // What a node that let a forger claim the id in a race would publish: [kind 1][node id][update].
      const clock = editor.provider.awareness.meta.get(id)!.clock;
      const peer = (update: Uint8Array) => Buffer.concat([Buffer.from([1, 4]), Buffer.from("peer"), update]);
      await nodes.redis.publish(roomChannel(world.draft.id), peer(awarenessUpdate([{ clientId: id, clock: clock + 100, state: { cursor: { anchor: 99, head: 99 } } }])));
      // A free id from the same node, published after it: once it shows, the first was handled.
      await nodes.redis.publish(roomChannel(world.draft.id), peer(awarenessUpdate([{ clientId: 777, clock: 1, state: { cursor: { anchor: 7, head: 7 } } }])));
      await eventually(() => anchorIn(observer, 777), (anchor) => anchor === 7);

      editor.provider.awareness.setLocalStateField("cursor", { anchor: 2, head: 2 });
      await eventually(() => anchorIn(observer, id), (anchor) => anchor === 2);
      expect(seen).toEqual([1, 2]);
    });
  });
});
