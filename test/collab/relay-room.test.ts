import * as encoding from "lib0/encoding";
import { expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { draftDocName } from "../../core/collab/doc-name";
import { encodePing, MESSAGE_EDITS_REFUSED, MESSAGE_PONG } from "../../core/collab/session-messages";
import { encodeUpdate } from "../../server/collab/protocol";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { collabSuite, connectClient, eventually, synced, type TestClient } from "./harness";

const rng = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sameState = (a: Y.Doc, b: Y.Doc) => Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));

/** A raw socket: sends frames, then a ping; resolves with what came back once the pong (or a close) did. */
async function rawExchange(url: string, origin: string, token: string, draftId: string, frames: Uint8Array[]) {
  const socket = new WebSocket(`${url}/${draftDocName(draftId)}`, { headers: { origin, cookie: `caucus_session=${token}` } });
  const received: Uint8Array[] = [];
  socket.on("error", () => {});
  const closed = await new Promise<number | null>((resolve) => {
    socket.on("message", (data: Buffer) => {
      received.push(new Uint8Array(data));
      if (data[0] === MESSAGE_PONG) resolve(null);
    });
    socket.once("close", (code) => resolve(code));
    socket.once("open", () => {
      for (const frame of frames) socket.send(frame);
      socket.send(encodePing());
    });
  });
  socket.close();
  return { closed, received };
}

/** Random typing and deleting in the first paragraph, as several people at once would. */
function randomEdit(client: TestClient, random: () => number): void {
  client.doc.transact(() => {
    const body = client.doc.getXmlFragment("body");
    if (body.length === 0) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText()]);
      body.insert(0, [p]);
    }
    const text = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    if (random() < 0.25 && text.length > 4) text.delete(Math.floor(random() * (text.length - 2)), 1 + Math.floor(random() * 2));
    else text.insert(Math.floor(random() * (text.length + 1)), "word ".slice(0, 1 + Math.floor(random() * 5)));
  });
}

// Rooms relay updates and keep them as bytes (issue 23): what clients end with must be exactly
// what a Y.Doc fed every change would hold.
describeEachDatabase("a room that keeps no Y.Doc", (handle) => {
  const suite = collabSuite(handle);
  const roomOf = (draftId: string) => suite.harness.collab.rooms.get(draftDocName(draftId))!;

  it("converges many random concurrent edits from several clients, and a client joining mid-way with a state vector", async () => {
    const world = await buildWorkspace(handle());
    const random = rng(23);
    const reference = new Y.Doc();
    const history: Uint8Array[] = [];
    const editors = [world.members.owner, world.members.editor, world.members.owner, world.members.editor].map((m) => suite.connect(m.token, world.draft.id));
    for (const editor of editors) {
      editor.doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === editor.provider) return;
        history.push(update);
        Y.applyUpdate(reference, update);
      });
    }
    await Promise.all(editors.map(synced));
    for (let round = 0; round < 60; round++) {
      for (const editor of editors) if (random() < 0.7) randomEdit(editor, random);
      if (random() < 0.3) await pause(random() * 10);
    }
    // Mid-way: a doc that already holds the first half of the history connects with its state vector.
    const midway = new Y.Doc();
    for (const update of history.slice(0, Math.floor(history.length / 2))) Y.applyUpdate(midway, update);
    const late = connectClient(suite.harness, world.members.reviewer.token, world.draft.id, { doc: midway });
    try {
      for (let round = 0; round < 30; round++) for (const editor of editors) if (random() < 0.5) randomEdit(editor, random);
      await synced(late);
      const everyone = [...editors, late];
      await eventually(() => everyone.every((c) => sameState(c.doc, reference)), (ok) => ok, 10_000);
      expect(everyone.map((c) => c.text())).toEqual(everyone.map(() => editors[0]!.text()));
      expect(sameState(roomOf(world.draft.id).materialise(), reference)).toBe(true);
      expect(late.durable.state.refused).toBeNull();
    } finally {
      late.destroy();
    }
  });

  it("refuses a malformed update without harm to the room or its sockets", async () => {
    const world = await buildWorkspace(handle());
    const editor = suite.connect(world.members.editor.token, world.draft.id);
    await synced(editor);
    editor.type("Before the garbage.");
    await eventually(() => roomOf(world.draft.id).materialise().getXmlFragment("body").toString(), (s) => s.includes("Before the garbage."));
    const before = roomOf(world.draft.id).log.stateVector();
    const garbage = encodeUpdate(new Uint8Array([1, 3, 200, 200, 200, 7, 0, 42, 42]));
    const { closed } = await rawExchange(suite.harness.url, suite.harness.origin, world.members.owner.token, world.draft.id, [garbage]);
    expect(closed).toBe(1007);
    expect(roomOf(world.draft.id).log.stateVector()).toEqual(before);
    editor.type(" After it.");
    const other = suite.connect(world.members.owner.token, world.draft.id);
    await eventually(() => other.text(), (t) => t === "Before the garbage. After it.");
  });

  it("refuses new content from a read-only socket, and takes known content it re-sends silently", async () => {
    const world = await buildWorkspace(handle());
    const editor = suite.connect(world.members.editor.token, world.draft.id);
    const sent: Uint8Array[] = [];
    editor.doc.on("update", (update: Uint8Array, origin: unknown) => origin !== editor.provider && sent.push(update));
    await synced(editor);
    editor.type("Agreed words.");
    await eventually(() => roomOf(world.draft.id).materialise().getXmlFragment("body").toString(), (s) => s.includes("Agreed words."));
    const known = Y.mergeUpdates(sent);
    const asReader = (frames: Uint8Array[]) => rawExchange(suite.harness.url, suite.harness.origin, world.members.reviewer.token, world.draft.id, frames);
    const refusedIn = (received: Uint8Array[]) => received.some((frame) => frame[0] === MESSAGE_EDITS_REFUSED);

    const resent = await asReader([encodeUpdate(known), syncStep2(known)]);
    expect(resent.closed).toBeNull();
    expect(refusedIn(resent.received)).toBe(false);

    const own = new Y.Doc();
    Y.applyUpdate(own, known);
    own.getXmlFragment("body").insert(0, [new Y.XmlElement("paragraph")]);
    const fresh = await asReader([encodeUpdate(Y.encodeStateAsUpdate(own, Y.encodeStateVector(editor.doc)))]);
    expect(refusedIn(fresh.received)).toBe(true);
    await pause(200);
    expect(roomOf(world.draft.id).materialise().getXmlFragment("body").length).toBe(1);
    expect(editor.doc.getXmlFragment("body").length).toBe(1);
  });
});

function syncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
