import { expect, it } from "vitest";
import type { WebSocket } from "ws";
import { draftDocName } from "../../core/collab/doc-name";
import { userColor } from "../../core/collab/user-color";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { awarenessFrame, openRawSocket } from "./awareness-frames";
import { collabSuite, connectClient, eventually, synced, type TestClient } from "./harness";

type State = Record<string, unknown> & { user?: { name?: string; color?: string }; cursor?: { anchor?: number } };

/** The presence state `observer` holds for `clientId`, as its browser would render it. */
const stateIn = (observer: TestClient, clientId: number) => observer.provider.awareness.getStates().get(clientId) as State | undefined;

/** Every state `observer` was ever shown for `clientId`, in order. */
function history(observer: TestClient, clientId: number): State[] {
  const seen: State[] = [];
  observer.provider.awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
    if (added.includes(clientId) || updated.includes(clientId)) seen.push(stateIn(observer, clientId)!);
  });
  return seen;
}

describeEachDatabase("presence bound to the account", (handle) => {
  const suite = collabSuite(handle);
  const connect = suite.connect;
  const roomOf = (draftId: string) => suite.harness.collab.rooms.get(draftDocName(draftId))!;
  const rawSocket = (token: string, draftId: string) => openRawSocket(`${suite.harness.url}/${draftDocName(draftId)}`, suite.harness.origin, token);

  it("shows the account's name and colour, whatever the page claims, and keeps the caret", async () => {
    const world = await buildWorkspace(handle());
    const owner = connect(world.members.owner.token, world.draft.id);
    const viewer = connect(world.members.viewer.token, world.draft.id);
    await Promise.all([synced(owner), synced(viewer)]);
    viewer.provider.awareness.setLocalState({
      user: { name: "Owner", color: "#000000" },
      cursor: { anchor: 3, head: 5 },
      note: "small fields pass",
      blob: "x".repeat(1500),
    });
    const shown = await eventually(() => stateIn(owner, viewer.doc.clientID), (state) => state !== undefined);
    expect(shown).toEqual({
      user: { name: "Viewer", color: userColor(world.members.viewer.id) },
      cursor: { anchor: 3, head: 5 },
      note: "small fields pass",
    });
  });

  it("keeps an editor's client id theirs: another member, or the same one on another socket, cannot move or remove it", async () => {
    const world = await buildWorkspace(handle());
    const editor = connect(world.members.editor.token, world.draft.id);
    const observer = connect(world.members.owner.token, world.draft.id);
    await Promise.all([synced(editor), synced(observer)]);
    const id = editor.doc.clientID;
    const seen = history(observer, id);
    editor.provider.awareness.setLocalStateField("cursor", { anchor: 1, head: 1 });
    await eventually(() => stateIn(observer, id)?.cursor?.anchor, (anchor) => anchor === 1);

    const clock = editor.provider.awareness.meta.get(id)!.clock;
    const forgers = await Promise.all([rawSocket(world.members.viewer.token, world.draft.id), rawSocket(world.members.editor.token, world.draft.id)]);
    for (const { socket } of forgers) {
      socket.send(awarenessFrame([{ clientId: id, clock: clock + 100, state: { user: { name: "Editor" }, cursor: { anchor: 99, head: 99 } } }]));
      socket.send(awarenessFrame([{ clientId: id, clock: clock + 200, state: null }]));
    }
    const forgingConnections = () => [...roomOf(world.draft.id).connections].filter((c) => c.droppedFrames > 0);
    await eventually(() => forgingConnections().map((c) => c.droppedFrames), (dropped) => dropped.length === 2 && dropped.every((n) => n === 2));

    // The editor's own clock was not pushed past: their next move still shows.
    editor.provider.awareness.setLocalStateField("cursor", { anchor: 2, head: 2 });
    await eventually(() => stateIn(observer, id)?.cursor?.anchor, (anchor) => anchor === 2);
    expect(seen.map((state) => state.cursor?.anchor)).toEqual([1, 2]);
    for (const { socket } of forgers) socket.close();
  });

  it("removes a socket's caret when it drops without saying goodbye, even one announced again after a reconnect", async () => {
    const world = await buildWorkspace(handle());
    const editor = connect(world.members.editor.token, world.draft.id);
    const observer = connect(world.members.owner.token, world.draft.id);
    await Promise.all([synced(editor), synced(observer)]);
    const id = editor.doc.clientID;
    editor.provider.awareness.setLocalStateField("cursor", { anchor: 1, head: 1 });
    await eventually(() => stateIn(observer, id)?.cursor?.anchor, (anchor) => anchor === 1);
    editor.provider.disconnect();
    await eventually(() => stateIn(observer, id), (state) => state === undefined);
    editor.provider.connect();
    await synced(editor);
    // The room saw this id before, so the server counts its return as an update, not an addition.
    editor.provider.awareness.setLocalStateField("cursor", { anchor: 2, head: 2 });
    editor.provider.awareness.setLocalStateField("cursor", { anchor: 3, head: 3 });
    await eventually(() => stateIn(observer, id)?.cursor?.anchor, (anchor) => anchor === 3);
    // A lost network: no null state sent, the server only sees the socket close.
    editor.provider.shouldConnect = false;
    (editor.provider.ws as unknown as WebSocket).terminate();
    await eventually(() => stateIn(observer, id), (state) => state === undefined, 2000);
  });

  it("joins the live room of a draft whose id is written in upper case", async () => {
    const world = await buildWorkspace(handle());
    const upper = connectClient(suite.harness, world.members.owner.token, world.draft.id.toUpperCase());
    const lower = connect(world.members.editor.token, world.draft.id);
    try {
      await Promise.all([synced(upper), synced(lower)]);
      lower.type("One room per draft.");
      await eventually(() => upper.text(), (text) => text === "One room per draft.");
      expect([...suite.harness.collab.rooms.all()].filter((room) => room.draftId === world.draft.id).map((room) => room.name)).toEqual([draftDocName(world.draft.id)]);
    } finally {
      upper.destroy();
    }
  });
});
