import { describe, expect, it } from "vitest";
import { listenToDraftEvents } from "../../app/editor/draft-events";
import { draftDocName } from "../../core/collab/doc-name";
import { encodeDraftEvent, type DraftEvent } from "../../core/collab/draft-events";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { connectClient, eventually, startCollab, synced, type TestClient, collabSuite } from "./harness";
import { requireRedisInCI } from "./redis-env";
import { twoNodeSuite } from "./two-nodes";

const redisUrl = requireRedisInCI();

const thread = (): DraftEvent => ({ type: "thread", threadId: crypto.randomUUID() });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real y-websocket client that records every draft event, through the browser's own module. */
function withEvents(client: TestClient) {
  const events: DraftEvent[] = [];
  listenToDraftEvents(client.provider, (event) => events.push(event));
  return Object.assign(client, { events });
}

describeEachDatabase("draft events on one node", (handle) => {
  const suite = collabSuite(handle);
  const connect = (token: string, draftId: string) => withEvents(suite.connect(token, draftId));

  it("reaches every socket on the draft, read-only ones included, and no other draft", async () => {
    const world = await buildWorkspace(handle());
    const other = await buildWorkspace(handle());
    const owner = connect(world.members.owner.token, world.draft.id);
    const viewer = connect(world.members.viewer.token, world.draft.id);
    const elsewhere = connect(other.members.owner.token, other.draft.id);
    await Promise.all([synced(owner), synced(viewer), synced(elsewhere)]);

    const event = thread();
    suite.harness.collab.announce(world.draft.id, event);
    suite.harness.collab.announce(world.draft.id, { type: "status" });
    await eventually(() => [owner.events.length, viewer.events.length], (counts) => counts.every((n) => n === 2), 1000);
    expect(owner.events).toEqual([event, { type: "status" }]);
    expect(viewer.events).toEqual([event, { type: "status" }]);
    // The other draft's socket heard nothing (nor logged "Unable to compute message").
    await pause(200);
    expect(elsewhere.events).toEqual([]);
    expect(owner.events).toHaveLength(2);
  });

  it("lets several listeners share a provider, each stopping on its own", async () => {
    const world = await buildWorkspace(handle());
    const client = connect(world.members.editor.token, world.draft.id);
    await synced(client);
    const second: DraftEvent[] = [];
    const stop = listenToDraftEvents(client.provider, (event) => second.push(event));
    const first = thread();
    suite.harness.collab.announce(world.draft.id, first);
    await eventually(() => [client.events.length, second.length], (counts) => counts.every((n) => n === 1), 1000);
    stop();
    const next = thread();
    suite.harness.collab.announce(world.draft.id, next);
    await eventually(() => client.events.length, (n) => n === 2, 1000);
    expect(client.events).toEqual([first, next]);
    expect(second).toEqual([first]);
  });

  it("does nothing, and does not throw, for a draft open nowhere or an event that does not validate", async () => {
    const world = await buildWorkspace(handle());
    expect(suite.harness.collab.rooms.get(draftDocName(world.draft.id))).toBeUndefined();
    expect(() => suite.harness.collab.announce(world.draft.id, thread())).not.toThrow();
    const bad = { type: "thread", threadId: "not-a-uuid" } as DraftEvent;
    const client = connect(world.members.owner.token, world.draft.id);
    await synced(client);
    expect(() => suite.harness.collab.announce(world.draft.id, bad)).not.toThrow();
    suite.harness.collab.announce(world.draft.id, { type: "status" });
    await eventually(() => client.events.length, (n) => n === 1, 1000);
    expect(client.events).toEqual([{ type: "status" }]);
  });

  it("drops a draft event a client sends: nobody hears it, the document is unchanged, it is counted", async () => {
    const world = await buildWorkspace(handle());
    const editor = connect(world.members.editor.token, world.draft.id);
    const viewer = connect(world.members.viewer.token, world.draft.id);
    const bystander = connect(world.members.owner.token, world.draft.id);
    await Promise.all([synced(editor), synced(viewer), synced(bystander)]);
    editor.type("Before.");
    await eventually(() => bystander.text(), (t) => t === "Before.");
    const room = suite.harness.collab.rooms.get(draftDocName(world.draft.id))!;
    const before = room.log.stateVector();

    const forgers = [
      [editor, world.members.editor.id],
      [viewer, world.members.viewer.id],
    ] as const;
    for (const [forger, userId] of forgers) {
      const connection = [...room.connections].find((c) => c.identity.user.id === userId)!;
      // A viewer's sync-step-2 answer was already dropped by the read-only filter.
      const dropped = connection.droppedFrames;
      forger.provider.ws!.send(encodeDraftEvent(thread()));
      // Counted like the read-only filter's drops; the socket stays open.
      await eventually(() => connection.droppedFrames, (n) => n === dropped + 1, 1000);
      expect(connection.socket.readyState).toBe(connection.socket.OPEN);
    }
    expect(room.log.stateVector()).toEqual(before);
    // A change sent after the forged frames arrives after anything the server sent for them.
    editor.type(" After.");
    await eventually(() => [viewer.text(), bystander.text()], (texts) => texts.every((t) => t === "Before. After."));
    for (const client of [editor, viewer, bystander]) expect(client.events).toEqual([]);
  });
});

describe.runIf(redisUrl)("draft events across nodes", () => {
  describeEachDatabase("two nodes on one Redis", (handle) => {
    const nodes = twoNodeSuite(handle, redisUrl, withEvents);
    const { connect, subscribers } = nodes;

    it("an event announced on node A reaches node B's sockets within a second, and A's exactly once", async () => {
      const world = await buildWorkspace(handle());
      const onA = connect(nodes.nodeA, world.members.editor.token, world.draft.id);
      const onB = connect(nodes.nodeB, world.members.reviewer.token, world.draft.id);
      await Promise.all([synced(onA), synced(onB)]);
      await subscribers(world.draft.id, 2);
      const event = thread();
      const started = Date.now();
      nodes.nodeA.collab.announce(world.draft.id, event);
      await eventually(() => onB.events.length, (n) => n === 1, 1000);
      expect(Date.now() - started).toBeLessThan(1000);
      // Node A hears its own publication and must not deliver it a second time.
      await pause(300);
      expect(onA.events).toEqual([event]);
      expect(onB.events).toEqual([event]);
    });

    it("publishes even when node A has no room open for the draft", async () => {
      const world = await buildWorkspace(handle());
      const onB = connect(nodes.nodeB, world.members.viewer.token, world.draft.id);
      await synced(onB);
      await subscribers(world.draft.id, 1);
      expect(nodes.nodeA.collab.rooms.get(draftDocName(world.draft.id))).toBeUndefined();
      const started = Date.now();
      nodes.nodeA.collab.announce(world.draft.id, { type: "status" });
      await eventually(() => onB.events.length, (n) => n === 1, 1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(onB.events).toEqual([{ type: "status" }]);
    });
  });
});

describeEachDatabase("draft events on a node whose Redis is unreachable", (handle) => {
  it("still reach the node's own sockets, and announce does not throw", async () => {
    // Nothing listens on port 1: every publish fails, which must only log a warning.
    const node = await startCollab(handle(), undefined, "redis://127.0.0.1:1");
    const world = await buildWorkspace(handle());
    const client = withEvents(connectClient(node, world.members.owner.token, world.draft.id));
    try {
      await synced(client);
      expect(() => node.collab.announce(world.draft.id, { type: "status" })).not.toThrow();
      await eventually(() => client.events, (events) => events.length === 1, 1000);
    } finally {
      client.destroy();
      await node.close();
    }
  });
});
