import * as encoding from "lib0/encoding";
import { afterEach, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { draftDocName } from "../../core/collab/doc-name";
import { encodeDraftEvent, MESSAGE_DRAFT_EVENT } from "../../core/collab/draft-events";
import {
  chunkUpdate,
  encodeEditsRefused,
  encodePing,
  encodePong,
  encodeSaveRequest,
  encodeSaveResult,
  encodeUpdateChunk,
  MESSAGE_PONG,
  MESSAGE_UPDATE_CHUNK,
} from "../../core/collab/session-messages";
import { BODY_FIELD, canonicalDocument, COVER_FIELD, readCover, writeCover } from "../../core/editor";
import { loadDraftDocument } from "../../db/queries/draft-documents";
import { createDraft } from "../../db/queries/drafts";
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "../../server/collab/protocol";
import type { Room } from "../../server/collab/room";
import { readDraftContent } from "../../server/drafts/draft-content";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { awarenessFrame } from "./awareness-frames";
import { collabSuite, connectClient, eventually, synced, type TestClient } from "./harness";

// Issue 20's invariant, under adversarial input: a suggest-only (reviewer) connection can never
// change the accepted text. Suggestions live outside the Y.Doc (docs/decisions), so a reviewer's
// socket stays read-only and the edit gate refuses every change it sends. Each run drives a real
// editor and a real reviewer client on a fresh draft; the reviewer's socket gets a random sequence
// of real Yjs edits, updates crafted against the server's state, sync, chunk, awareness, draft-event,
// unknown, truncated and random frames, interleaved with the editor's own edits. The server's
// document, what it stored and what a fresh client sees must be exactly what the editor alone made.
//
// Reproduce a failure with INVARIANT_SEED=<seed printed in the error>; INVARIANT_RUNS=<n> runs more.

const SEED = Number(process.env.INVARIANT_SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
const RUNS = Number(process.env.INVARIANT_RUNS ?? 8);
const ACTIONS = { min: 40, max: 90 };

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const words = ["must", "should", "the State", "police", "Accra", "assembly", "freedom", "shall", "é", "☃", "\n", " "];
  return {
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    bytes: (n: number) => Uint8Array.from({ length: n }, () => int(256)),
    word: () => words[int(words.length)]!,
    /** A weighted choice among named actions. */
    weighted: <K extends string>(weights: Record<K, number>): K => {
      const entries = Object.entries(weights) as Array<[K, number]>;
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
  };
}
type Rng = ReturnType<typeof rng>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Edits to a Y.Doc, as a y-tiptap editor makes them (and some it never would) ----

function paragraphs(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
}

function textOf(paragraph: Y.XmlElement): Y.XmlText | null {
  const first = paragraph.get(0);
  return first instanceof Y.XmlText ? first : null;
}

function newParagraph(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

/** One random edit an editor's page could make: text, marks, paragraphs, the cover. */
function editLikeAnEditor(doc: Y.Doc, r: Rng): string {
  const body = doc.getXmlFragment(BODY_FIELD);
  const blocks = paragraphs(doc);
  const kind = blocks.length === 0 ? "paragraph" : r.pick(["insert", "insert", "delete", "format", "paragraph", "cover"] as const);
  doc.transact(() => {
    if (kind === "paragraph") return body.insert(r.int(body.length + 1), [newParagraph(r.word())]);
    if (kind === "cover") return writeCover(doc, { title: `Title ${r.word()}`, contact: r.word() });
    const text = textOf(r.pick(blocks));
    if (!text) return;
    const at = r.int(text.length + 1);
    if (kind === "insert") text.insert(at, r.word());
    else if (kind === "delete") text.delete(at, Math.min(r.int(6) + 1, text.length - at));
    else text.format(at, Math.min(r.int(8) + 1, text.length - at), { [r.pick(["bold", "italic"])]: {} });
  });
  return `editor ${kind}`;
}

/** One random edit on a reviewer's own copy: everything an editor could do, and worse. */
function editAnything(doc: Y.Doc, r: Rng): string {
  const kind = r.pick(["like-editor", "like-editor", "delete-all", "cover", "cover-delete", "other-roots", "suggestion-mark", "nested"] as const);
  doc.transact(() => {
    const body = doc.getXmlFragment(BODY_FIELD);
    switch (kind) {
      case "like-editor":
        editLikeAnEditor(doc, r);
        break;
      case "delete-all":
        body.delete(0, body.length);
        break;
      case "cover":
        doc.getMap(COVER_FIELD).set(r.pick(["title", "organisations", "language", "evil"]), r.chance(0.5) ? r.word() : [r.word()]);
        break;
      case "cover-delete":
        for (const key of [...doc.getMap(COVER_FIELD).keys()]) doc.getMap(COVER_FIELD).delete(key);
        break;
      case "other-roots":
        doc.getMap("suggestions").set(`s${r.int(100)}`, { text: r.word(), accepted: true });
        doc.getArray("threads").push([r.word()]);
        doc.getText("body-as-text").insert(0, r.word());
        doc.getXmlFragment("footnotes").insert(0, [newParagraph(r.word())]);
        break;
      case "suggestion-mark": {
        // What an in-document suggestion would look like: a mark on a range of accepted text.
        const block = paragraphs(doc)[0];
        const text = block && textOf(block);
        if (text && text.length > 0) text.format(0, text.length, { suggestion: { id: "s1", kind: "delete" } });
        break;
      }
      case "nested": {
        const block = paragraphs(doc)[0];
        if (block) block.insert(block.length, [new Y.XmlElement("footnote"), new Y.XmlText(r.word())]);
        else body.insert(0, [newParagraph(r.word())]);
        block?.setAttribute("numbered", "false");
        break;
      }
    }
  });
  return `reviewer edit ${kind}`;
}

// ---- Frames a hostile client can send ----

/** An update made against the server's current state, by a doc that forked it (optionally as the editor). */
function craftedUpdate(server: Y.Doc, r: Rng, asClientId?: number): Uint8Array {
  const fork = new Y.Doc({ gc: false });
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(server));
  // Set after loading the server's state, or Yjs would notice the clash and pick a new id.
  if (asClientId !== undefined) fork.clientID = asClientId;
  const serverVector = Y.encodeStateVector(server);
  for (let i = r.int(3) + 1; i > 0; i--) editAnything(fork, r);
  const shape = r.pick(["diff", "full", "delete-set", "v2"] as const);
  const update =
    shape === "diff"
      ? Y.encodeStateAsUpdate(fork, serverVector)
      : shape === "full"
        ? Y.encodeStateAsUpdate(fork)
        : shape === "delete-set"
          ? Y.encodeStateAsUpdate(fork, Y.encodeStateVector(fork))
          : Y.encodeStateAsUpdateV2(fork, serverVector);
  fork.destroy();
  return update;
}

/** A sync frame whose message type is the two-byte varUint encoding of 0: same meaning, odd bytes. */
function paddedSyncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, 0x80);
  encoding.writeUint8(encoder, 0x00);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function rawFrame(type: number, body: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeUint8Array(encoder, body);
  return encoding.toUint8Array(encoder);
}

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A chunk frame whose declared byte count is larger than what follows it. */
function lyingChunk(updateId: number, index: number, count: number, declared: number, bytes: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_UPDATE_CHUNK);
  encoding.writeVarUint(encoder, updateId);
  encoding.writeVarUint(encoder, index);
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, declared);
  encoding.writeUint8Array(encoder, bytes);
  return encoding.toUint8Array(encoder);
}

function mutate(frame: Uint8Array, r: Rng): Uint8Array {
  const copy = frame.slice();
  for (let i = r.int(4) + 1; i > 0 && copy.length > 0; i--) copy[r.int(copy.length)] = r.int(256);
  return copy;
}

/**
 * The frames of one hostile action, drawn against the server's state. Each is sent as it is on
 * the reviewer's socket, in order.
 */
function hostileFrames(r: Rng, server: Y.Doc, editorClientId: number, self: { doc: Y.Doc; awareness: awarenessProtocol.Awareness }): { label: string; frames: Uint8Array[] } {
  const update = () => craftedUpdate(server, r, r.chance(0.25) ? editorClientId : undefined);
  const kind = r.weighted({
    "crafted update": 6,
    "crafted step 2": 3,
    "padded sync type": 1,
    "forged editor step 2": 2,
    "sync step 1": 2,
    "garbage sync": 3,
    "mutated update": 4,
    "chunks": 3,
    "chunks out of order": 2,
    "chunk lying size": 1,
    "chunk too many": 1,
    "chunk unfinished": 1,
    awareness: 2,
    "awareness forged": 2,
    "awareness garbage": 1,
    "draft event": 2,
    "own message types": 2,
    "server-only types": 2,
    "unknown type": 2,
    truncated: 3,
    random: 3,
  });
  const frames: Uint8Array[] = [];
  switch (kind) {
    case "crafted update":
      frames.push(encodeUpdate(update()));
      break;
    case "crafted step 2":
      frames.push(encodeSyncStep2(update()));
      break;
    case "padded sync type":
      frames.push(paddedSyncFrame(r.pick([1, 2]), update()));
      break;
    case "forged editor step 2": {
      // The server's own state with a deletion, sent back as if it were a reconnecting client's.
      const fork = new Y.Doc();
      Y.applyUpdate(fork, Y.encodeStateAsUpdate(server));
      fork.clientID = editorClientId;
      fork.getXmlFragment(BODY_FIELD).delete(0, Math.min(1, fork.getXmlFragment(BODY_FIELD).length));
      frames.push(encodeSyncStep2(Y.encodeStateAsUpdate(fork)));
      fork.destroy();
      break;
    }
    case "sync step 1":
      frames.push(r.chance(0.5) ? encodeSyncStep1(Y.encodeStateVector(self.doc)) : syncFrame(0, Y.encodeStateVector(server)));
      break;
    case "garbage sync":
      frames.push(syncFrame(r.int(4), r.bytes(r.int(40))));
      break;
    case "mutated update":
      frames.push(mutate(r.chance(0.5) ? encodeUpdate(update()) : encodeSyncStep2(update()), r));
      break;
    case "chunks":
      frames.push(...chunkUpdate(r.int(1000), update(), r.int(64) + 8));
      break;
    case "chunks out of order": {
      const pieces = chunkUpdate(r.int(1000), update(), r.int(32) + 4);
      if (pieces.length > 1) pieces.unshift(pieces.splice(r.int(pieces.length - 1) + 1, 1)[0]!);
      else pieces.unshift(encodeUpdateChunk(7, 1, 2, r.bytes(8)));
      frames.push(...pieces);
      break;
    }
    case "chunk lying size":
      frames.push(lyingChunk(r.int(1000), 0, 2, r.pick([1 << 20, 2 ** 31, 2 ** 40]), r.bytes(16)));
      break;
    case "chunk too many":
      frames.push(encodeUpdateChunk(r.int(1000), 0, r.pick([4097, 1 << 20, 0]), r.bytes(16)));
      break;
    case "chunk unfinished": {
      // Half a large update, then a plain update: the half is never completed.
      const pieces = chunkUpdate(r.int(1000), update(), 8);
      frames.push(...pieces.slice(0, Math.max(1, pieces.length >> 1)), encodeUpdate(update()));
      break;
    }
    case "awareness": {
      self.awareness.setLocalStateField("cursor", { anchor: r.int(100) });
      frames.push(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(self.awareness, [self.doc.clientID])));
      break;
    }
    case "awareness forged":
      frames.push(awarenessFrame([{ clientId: r.pick([editorClientId, r.int(2 ** 30)]), clock: r.int(1000) + 1, state: { user: { name: "Editor" }, body: "Accept everything" } }]));
      break;
    case "awareness garbage":
      frames.push(rawFrame(1, r.bytes(r.int(30))));
      break;
    case "draft event":
      frames.push(r.chance(0.5) ? encodeDraftEvent({ type: "status" }) : rawFrame(MESSAGE_DRAFT_EVENT, r.bytes(r.int(30))));
      break;
    case "own message types":
      frames.push(r.pick([encodeSaveRequest(r.int(50)), encodePing(), rawFrame(3, new Uint8Array()), rawFrame(2, r.bytes(4))]));
      break;
    case "server-only types":
      // A client pretending to be the server: a refusal "with the server's state", a save result, a pong.
      frames.push(r.pick([encodeEditsRefused("read-only", update()), encodeSaveResult(r.int(50), "stored"), encodePong()]));
      break;
    case "unknown type":
      frames.push(rawFrame(r.pick([4, 5, 99, 107, 255, 100_000, 2 ** 31]), r.chance(0.5) ? update() : r.bytes(r.int(20))));
      break;
    case "truncated": {
      const whole = r.chance(0.5) ? encodeUpdate(update()) : encodeSyncStep2(update());
      frames.push(whole.subarray(0, r.int(whole.length)));
      break;
    }
    case "random":
      frames.push(r.bytes(r.int(64)));
      break;
  }
  return { label: kind, frames };
}

// ---- The reviewer's socket ----

function openSocket(client: TestClient): WebSocket | null {
  const ws = client.provider.ws as unknown as WebSocket | null;
  return client.provider.wsconnected && ws && ws.readyState === ws.OPEN ? ws : null;
}

/** The reviewer's socket, reconnected if the server closed it for a bad frame. */
async function reviewerSocket(client: TestClient, stats: { reconnects: number }): Promise<WebSocket> {
  const open = openSocket(client);
  if (open && client.provider.synced) return open;
  stats.reconnects += 1;
  // As a page would on a closed socket: connect again now, not after the provider's backoff.
  if (client.provider.ws === null) client.provider.connect();
  await eventually(() => openSocket(client) !== null && client.provider.synced, (ok) => ok, 5000);
  return openSocket(client)!;
}

/**
 * Resolves once the server has handled every frame sent on this client's socket so far: frames
 * of one socket are handled in order, and a ping is answered at once. False if the socket closed.
 */
function drained(client: TestClient): Promise<boolean> {
  const ws = openSocket(client);
  if (!ws) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      ws.removeEventListener("message", onMessage);
      ws.removeEventListener("close", onClose);
      clearTimeout(timer);
      resolve(ok);
    };
    const onMessage = (event: { data: unknown }) => {
      const data = event.data instanceof ArrayBuffer ? new Uint8Array(event.data) : new Uint8Array(event.data as Buffer);
      if (data[0] === MESSAGE_PONG) done(true);
    };
    const onClose = () => done(false);
    const timer = setTimeout(() => done(false), 3000);
    ws.addEventListener("message", onMessage);
    ws.addEventListener("close", onClose);
    ws.send(encodePing());
  });
}

/**
 * A second socket of the reviewer's, with no provider: it sends `frames` the moment it opens
 * (on a draft nobody has open, before its room has loaded: they wait in the server's queue),
 * then a ping. Resolves with the socket once the server answered the ping or closed it.
 */
async function bareSocket(harness: { url: string; origin: string }, token: string, draftId: string, frames: Uint8Array[]): Promise<WebSocket> {
  const socket = new WebSocket(`${harness.url}/${draftDocName(draftId)}`, { headers: { origin: harness.origin, cookie: `caucus_session=${token}` } });
  socket.on("error", () => {});
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3000);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    socket.once("open", () => {
      for (const frame of frames) socket.send(frame);
      socket.send(encodePing());
    });
    socket.on("message", (data: Buffer) => data[0] === MESSAGE_PONG && done());
    socket.once("close", done);
  });
  return socket;
}

const sameState = (a: Y.Doc, b: Y.Doc) => Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));

function describeDoc(doc: Y.Doc) {
  return { text: canonicalDocument(doc).text, cover: readCover(doc), stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))] };
}

describeEachDatabase("a suggest-only connection never changes the accepted text", (handle, kind) => {
  const suite = collabSuite(handle);
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  it(
    `holds for ${RUNS} random runs of hostile frames and edits (seed ${SEED})`,
    async () => {
      const world = await buildWorkspace(handle());
      const stats = { runs: 0, actions: 0, rawFrames: 0, reviewerEdits: 0, editorEdits: 0, reconnects: 0, closes: 0, bareSockets: 0 };
      const ms = { setup: 0, actions: 0, checks: 0 };
      const byKind = new Map<string, number>();
      const startedAt = performance.now();

      for (let run = 0; run < RUNS; run++) {
        const runSeed = (SEED + run * 0x9e3779b9) >>> 0;
        const r = rng(runSeed);
        const log: string[] = [];
        const t0 = performance.now();
        const draft = await createDraft(handle().db, {
          workspace_id: world.workspace.id,
          title: "Joint submission",
          mechanism: "UPR",
          state_under_review: "GHA",
          created_by: world.members.owner.id,
        });
        // First in: a bare socket of the reviewer's opens the draft cold and sends at once, so its
        // frames wait in the server's queue while the room loads.
        const scratch = new Y.Doc();
        const cold = Array.from({ length: r.int(4) + 1 }, () => hostileFrames(r, new Y.Doc(), r.int(2 ** 30), { doc: scratch, awareness: new awarenessProtocol.Awareness(scratch) }));
        log.push(`cold bare socket: ${cold.map((c) => c.label).join(", ")}`);
        const coldSocket = await bareSocket(suite.harness, world.members.reviewer.token, draft.id, cold.flatMap((c) => c.frames));
        stats.rawFrames += cold.reduce((n, c) => n + c.frames.length, 0);
        stats.bareSockets += 1;
        // Nobody who may edit has been in: the room, if it is still open, holds nothing at all.
        const coldRoom = suite.harness.collab.rooms.get(draftDocName(draft.id));
        const coldState = coldRoom ? [...Y.encodeStateAsUpdate(coldRoom.materialise())] : [0, 0];

        const editor = connectClient(suite.harness, world.members.editor.token, draft.id, { connect: false });
        clients.push(editor);
        // What the editor alone produced: every change made on the editor's own page, nothing else.
        const expected = new Y.Doc();
        const foreign: number[] = [];
        editor.doc.on("update", (update: Uint8Array, origin: unknown) => {
          if (origin !== editor.provider) return Y.applyUpdate(expected, update);
          // Anything the server relays to the editor must be the editor's own (nobody else edits).
          for (const clientId of Y.parseUpdateMeta(update).from.keys()) if (clientId !== editor.doc.clientID) foreign.push(clientId);
        });
        editor.provider.connect();
        await synced(editor);
        coldSocket.close();
        editor.doc.transact(() => {
          editor.doc.getXmlFragment(BODY_FIELD).insert(0, [newParagraph("The police dispersed the peaceful assembly."), newParagraph("The State must investigate.")]);
          writeCover(editor.doc, { title: "Joint submission", organisations: ["org-1"] });
        });

        const room: Room = suite.harness.collab.rooms.get(draftDocName(draft.id))!;
        // The invariant itself, as it happens: nothing the reviewer's sockets send is ever applied.
        const applied: string[] = [];
        const receive = room.receive.bind(room);
        room.receive = (update, origin, frame) => {
          const taken = receive(update, origin, frame);
          if (taken && origin.kind === "client" && origin.connection.identity.user.id !== world.members.editor.id) applied.push(log.at(-1) ?? "?");
          return taken;
        };

        const reviewer = connectClient(suite.harness, world.members.reviewer.token, draft.id);
        clients.push(reviewer);
        let closes = 0;
        reviewer.provider.on("connection-close", () => (closes += 1));
        await synced(reviewer);
        await eventually(() => reviewer.text(), (text) => text === editor.text());
        const t1 = performance.now();

        const actions = ACTIONS.min + r.int(ACTIONS.max - ACTIONS.min + 1);
        for (let step = 0; step < actions; step++) {
          const action = r.weighted({ hostile: 10, "reviewer edit": 4, "editor edit": 4, "bare socket": 0.5, pause: 1 });
          if (action === "editor edit") {
            log.push(editLikeAnEditor(editor.doc, r));
            stats.editorEdits += 1;
          } else if (action === "reviewer edit") {
            // The reviewer's provider sends it as a real client would, whenever its socket is up.
            log.push(editAnything(reviewer.doc, r));
            stats.reviewerEdits += 1;
          } else if (action === "hostile") {
            const ws = await reviewerSocket(reviewer, stats);
            const { label, frames } = hostileFrames(r, room.materialise(), editor.doc.clientID, { doc: reviewer.doc, awareness: reviewer.provider.awareness });
            log.push(`hostile ${label}`);
            byKind.set(label, (byKind.get(label) ?? 0) + 1);
            for (const frame of frames) ws.send(frame);
            stats.rawFrames += frames.length;
          } else if (action === "bare socket") {
            // Another socket of the reviewer's, opened mid-way, sending before it read anything.
            const sent = Array.from({ length: r.int(3) + 1 }, () => hostileFrames(r, room.materialise(), editor.doc.clientID, { doc: scratch, awareness: new awarenessProtocol.Awareness(scratch) }));
            log.push(`bare socket: ${sent.map((c) => c.label).join(", ")}`);
            (await bareSocket(suite.harness, world.members.reviewer.token, draft.id, sent.flatMap((c) => c.frames))).close();
            stats.rawFrames += sent.reduce((n, c) => n + c.frames.length, 0);
            stats.bareSockets += 1;
          } else {
            log.push("pause");
            await pause(r.int(15));
          }
          // Let the sockets move now and then, so frames interleave with the editor's at the server.
          if (r.chance(0.3)) await new Promise((resolve) => setImmediate(resolve));
        }
        stats.actions += actions;
        const t2 = performance.now();

        // Settle: the server has handled every frame of both sockets, and stored what it applied.
        await reviewerSocket(reviewer, stats);
        for (let i = 0; i < 5 && !(await drained(reviewer)); i++) await reviewerSocket(reviewer, stats);
        await eventually(() => openSocket(editor) !== null, (ok) => ok);
        expect(await drained(editor)).toBe(true);
        await suite.harness.collab.settle(draft.id);

        const failure = (what: string, detail: unknown) =>
          new Error(
            `${what} [${kind}] — reproduce with INVARIANT_SEED=${SEED} (run ${run}, run seed ${runSeed})\n` +
              `detail: ${JSON.stringify(detail)}\nlast actions: ${log.slice(-15).join(" | ")}`,
          );
        if (coldState.join() !== "0,0") throw failure("a reviewer's first frames changed the draft as it loaded", coldState.length);
        if (applied.length > 0) throw failure("the server applied a reviewer's frame", applied);
        if (foreign.length > 0) throw failure("the editor received content it did not write", foreign);
        if (!sameState(editor.doc, expected)) throw failure("the editor's copy is not what the editor made", describeDoc(editor.doc));
        if (!sameState(room.materialise(), expected)) throw failure("the server's document is not what the editor made", { server: describeDoc(room.materialise()), expected: describeDoc(expected) });
        // Same items and deletions, so the same text; read as every reader does, all the same.
        expect(canonicalDocument(room.materialise())).toEqual(canonicalDocument(expected));
        expect(readCover(room.materialise())).toEqual(readCover(expected));

        // What is stored: the log and snapshot replayed, and read as exports and checks read it.
        const stored = await loadDraftDocument(handle().db, draft.id);
        const replayed = new Y.Doc();
        if (stored.snapshot) Y.applyUpdate(replayed, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(replayed, update);
        if (!sameState(replayed, expected)) throw failure("the stored draft is not what the editor made", describeDoc(replayed));
        replayed.destroy();
        const content = await readDraftContent(handle().db, draft.id);
        expect(content.doc.toJSON()).toEqual(canonicalDocument(expected).json);
        expect(content.cover).toEqual(readCover(expected));

        // A fresh client sees exactly the same.
        const fresh = connectClient(suite.harness, world.members.viewer.token, draft.id);
        await synced(fresh);
        const freshSame = sameState(fresh.doc, expected);
        const freshText = canonicalDocument(fresh.doc).text;
        fresh.destroy();
        if (!freshSame) throw failure("a fresh client does not see what the editor made", freshText);
        expect(freshText).toBe(canonicalDocument(expected).text);

        stats.closes += closes;
        ms.setup += t1 - t0;
        ms.actions += t2 - t1;
        ms.checks += performance.now() - t2;
        stats.runs += 1;
        for (const client of clients.splice(0)) client.destroy();
        expected.destroy();
        scratch.destroy();
      }

      const seconds = (performance.now() - startedAt) / 1000;
      console.log(
        `suggest-only invariant [${kind}] seed ${SEED}: ${stats.runs} runs, ${stats.actions} actions, ` +
          `${stats.rawFrames} hostile frames + ${stats.reviewerEdits} reviewer edits, ${stats.editorEdits} editor edits, ` +
          `${stats.closes} closes by the server (${stats.reconnects} reconnects), ${stats.bareSockets} bare sockets, ${seconds.toFixed(1)} s ` +
          `(setup ${(ms.setup / 1000).toFixed(1)} s, actions ${(ms.actions / 1000).toFixed(1)} s, checks ${(ms.checks / 1000).toFixed(1)} s)\n` +
          `  hostile actions: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ")}`,
      );
      expect(stats.runs).toBe(RUNS);
    },
    120_000,
  );
});
