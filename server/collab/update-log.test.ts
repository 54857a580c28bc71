import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { IdRanges } from "./id-ranges";
import { readSyncPayload } from "./protocol";
import { inspectUpdate, UpdateLog } from "./update-log";

const rng = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** Takes an update in as a room does: read it, keep it only when it holds something new. */
function take(log: UpdateLog, update: Uint8Array): boolean {
  const inspected = inspectUpdate(update);
  if (!log.freshClients(inspected)) return false;
  log.append(inspected);
  return true;
}

/** A doc built from what the log would send a client with this state vector. */
function replay(log: UpdateLog, into: Y.Doc): void {
  const { frames, last } = log.missing(Y.encodeStateVector(into));
  for (const frame of frames) Y.applyUpdate(into, readSyncPayload(frame));
  Y.applyUpdate(into, last);
}

const same = (a: Y.Doc, b: Y.Doc) => Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b)) && a.getText("t").toString() === b.getText("t").toString();

describe("IdRanges", () => {
  it("merges ranges however they arrive and answers coverage", () => {
    const ranges = new IdRanges();
    ranges.add(1, 10, 20);
    ranges.add(1, 0, 5);
    ranges.add(1, 30, 40);
    expect(ranges.contiguous(1)).toBe(5);
    expect(ranges.covers(1, 12, 20)).toBe(true);
    expect(ranges.covers(1, 4, 11)).toBe(false);
    ranges.add(1, 5, 31);
    expect(ranges.contiguous(1)).toBe(40);
    expect(ranges.covers(1, 0, 40)).toBe(true);
    expect(ranges.covers(2, 0, 1)).toBe(false);
  });
});

describe("UpdateLog, a room's state without a Y.Doc", () => {
  it("ends in the state of a reference doc after many concurrent edits, delivered late and twice", () => {
    const random = rng(11);
    const reference = new Y.Doc();
    const log = new UpdateLog();
    const editors = Array.from({ length: 4 }, () => new Y.Doc());
    const inbox: Uint8Array[] = [];
    for (const editor of editors) editor.on("update", (update: Uint8Array) => inbox.push(update));
    for (let step = 0; step < 1500; step++) {
      const editor = editors[Math.floor(random() * editors.length)]!;
      const text = editor.getText("t");
      if (random() < 0.3 && text.length > 5) text.delete(Math.floor(random() * (text.length - 3)), 1 + Math.floor(random() * 3));
      else text.insert(Math.floor(random() * (text.length + 1)), "abcdefgh".slice(0, 1 + Math.floor(random() * 8)));
      // Editors hear each other only now and then: their updates are concurrent.
      if (random() < 0.2) {
        const other = editors[Math.floor(random() * editors.length)]!;
        Y.applyUpdate(other, Y.encodeStateAsUpdate(editor, Y.encodeStateVector(other)));
      }
    }
    for (const update of inbox) {
      Y.applyUpdate(reference, update);
      take(log, update);
    }
    // Everything again: nothing of it is new.
    for (const update of inbox.slice(0, 200)) expect(take(log, update)).toBe(false);
    expect(log.stateVector()).toEqual(Y.encodeStateVector(reference));
    const merged = new Y.Doc();
    Y.applyUpdate(merged, log.merged());
    expect(same(merged, reference)).toBe(true);
    // A new client, and one that joins mid-way with part of the history.
    const fresh = new Y.Doc();
    replay(log, fresh);
    expect(same(fresh, reference)).toBe(true);
    const midway = new Y.Doc();
    for (const update of inbox.slice(0, 1500)) Y.applyUpdate(midway, update);
    replay(log, midway);
    expect(same(midway, reference)).toBe(true);
  });

  it("loads a snapshot and log rows, and a client that has the snapshot gets only the rest and the deletions", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "Stored words that will partly go.");
    const snapshot = Y.encodeStateAsUpdate(doc);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, snapshot);
    const rows: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => rows.push(update));
    doc.getText("t").delete(0, 7);
    doc.getText("t").insert(0, "Kept ");
    const log = new UpdateLog();
    log.load(snapshot, rows);
    const { frames } = log.missing(Y.encodeStateVector(reader));
    // The snapshot is not sent again: only what came after it.
    expect(frames.reduce((n, f) => n + f.byteLength, 0)).toBeLessThan(snapshot.byteLength);
    replay(log, reader);
    expect(reader.getText("t").toString()).toBe(doc.getText("t").toString());
  });

  it("tells a known deletion from a new one", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "abcdef");
    const log = new UpdateLog();
    log.load(Y.encodeStateAsUpdate(doc), []);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    copy.getText("t").delete(0, 2);
    const deletion = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc));
    expect(log.freshClients(inspectUpdate(deletion))).toEqual([]);
    take(log, deletion);
    expect(log.freshClients(inspectUpdate(deletion))).toBeNull();
    // A reader's whole state (every struct known, every deletion known) holds nothing new.
    expect(log.freshClients(inspectUpdate(Y.encodeStateAsUpdate(copy)))).toBeNull();
  });

  it("throws on a malformed update and keeps nothing of it", () => {
    const log = new UpdateLog();
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "hello");
    const update = Y.encodeStateAsUpdate(doc);
    expect(() => inspectUpdate(update.subarray(0, update.byteLength - 4))).toThrow();
    expect(() => inspectUpdate(new Uint8Array([1, 1, 200, 200, 200, 0, 77]))).toThrow();
    expect(log.stateVector()).toEqual(new Uint8Array([0]));
  });
});
