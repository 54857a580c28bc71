import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { clockKey, firstStruct } from "../../bench/collab/receivers";

/** The message a server relays for one update: [0 = sync][2 = update][update]. */
function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** One edit as the bench's writers type it; returns its update and the clock it started at. */
function typeOne(doc: Y.Doc, seq: number): { update: Uint8Array; clock: number } {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (update = u);
  doc.once("update", capture);
  const clock = Y.getState(doc.store, doc.clientID);
  doc.transact(() => {
    const body = doc.getXmlFragment("body");
    if (body.length === 0) body.insert(0, [new Y.XmlElement("paragraph")]);
    const paragraph = body.get(0) as Y.XmlElement;
    if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length, "x");
    doc.getMap("edits").set("w1", [seq, 123.5]);
  });
  return { update: update!, clock };
}

describe("light receivers' reading of a relayed update (bench/collab)", () => {
  it("names each edit by its author and first clock, as Y.parseUpdateMeta does", () => {
    const doc = new Y.Doc();
    const keys = new Set<number>();
    for (let seq = 1; seq <= 5; seq++) {
      const { update, clock } = typeOne(doc, seq);
      const first = firstStruct(syncUpdateMessage(update));
      expect(first).toEqual({ groups: 1, client: doc.clientID, clock });
      expect(Y.parseUpdateMeta(update).from.get(doc.clientID)).toBe(clock);
      keys.add(clockKey(first!.client, first!.clock));
    }
    expect(keys.size).toBe(5);
  });

  it("passes over other messages and deletion-only updates", () => {
    const doc = new Y.Doc();
    typeOne(doc, 1);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, doc);
    expect(firstStruct(encoding.toUint8Array(encoder))).toBeNull();
    let deletion: Uint8Array | null = null;
    doc.once("update", (u: Uint8Array) => (deletion = u));
    doc.getMap("edits").delete("w1");
    expect(firstStruct(syncUpdateMessage(deletion!))).toBeNull();
  });

  it("keys stay exact for 32-bit client ids", () => {
    expect(clockKey(2 ** 32 - 1, 2 ** 20 - 1)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    expect(clockKey(2 ** 32 - 1, 5)).not.toBe(clockKey(2 ** 32 - 2, 5));
  });
});
