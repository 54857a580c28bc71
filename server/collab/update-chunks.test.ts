import { describe, expect, it } from "vitest";
import { chunkUpdate, encodeUpdateChunk } from "../../core/collab/session-messages";
import type { Connection } from "./connection";
import { UpdateChunkAssembler } from "./update-chunks";

const socket = () => ({}) as Connection;
const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);

describe("updates sent in pieces", () => {
  it("puts the pieces back together in order, and holds nothing afterwards", () => {
    const assembler = new UpdateChunkAssembler({ maxUpdateBytes: 1 << 20, maxNodeBytes: 1 << 20 });
    const update = Uint8Array.from({ length: 2500 }, (_, i) => i % 251);
    const frames = chunkUpdate(1, update, 1000);
    expect(frames).toHaveLength(3);
    const c = socket();
    expect(assembler.add(c, frames[0]!, 1 << 20)).toEqual({ kind: "pending" });
    expect(assembler.add(c, frames[1]!, 1 << 20)).toEqual({ kind: "pending" });
    expect(assembler.bytesHeld).toBe(2000);
    expect(assembler.add(c, frames[2]!, 1 << 20)).toEqual({ kind: "done", update });
    expect(assembler.bytesHeld).toBe(0);
  });

  it("counts bytes as they arrive, against the room's budget, whatever the declared count", () => {
    const assembler = new UpdateChunkAssembler({ maxUpdateBytes: 1 << 20, maxNodeBytes: 1 << 20 });
    const c = socket();
    // Declares two pieces, but the room has room for 1,500 bytes only.
    expect(assembler.add(c, encodeUpdateChunk(1, 0, 2, bytes(1000)), 1500)).toEqual({ kind: "pending" });
    expect(assembler.add(c, encodeUpdateChunk(1, 1, 2, bytes(1000)), 1500)).toEqual({ kind: "too-large" });
    expect(assembler.bytesHeld).toBe(0);
  });

  it("bounds what the node holds in unfinished updates, across sockets", () => {
    const assembler = new UpdateChunkAssembler({ maxUpdateBytes: 1 << 20, maxNodeBytes: 1500 });
    const [a, b] = [socket(), socket()];
    expect(assembler.add(a, encodeUpdateChunk(1, 0, 3, bytes(1000)), 1 << 20)).toEqual({ kind: "pending" });
    expect(assembler.add(b, encodeUpdateChunk(1, 0, 3, bytes(1000)), 1 << 20)).toEqual({ kind: "busy" });
    // A socket that goes releases what it held, and the other may go on.
    assembler.release(a);
    expect(assembler.add(b, encodeUpdateChunk(1, 0, 3, bytes(1000)), 1 << 20)).toEqual({ kind: "pending" });
  });

  it("refuses pieces out of order, of another update, with an absurd count, or that do not decode", () => {
    const assembler = new UpdateChunkAssembler({ maxUpdateBytes: 1 << 20, maxNodeBytes: 1 << 20 });
    const c = socket();
    expect(assembler.add(c, encodeUpdateChunk(1, 1, 3, bytes(10)), 1 << 20)).toEqual({ kind: "malformed" });
    assembler.add(c, encodeUpdateChunk(1, 0, 3, bytes(10)), 1 << 20);
    expect(assembler.add(c, encodeUpdateChunk(2, 1, 3, bytes(10)), 1 << 20)).toEqual({ kind: "malformed" });
    expect(assembler.bytesHeld).toBe(0);
    expect(assembler.add(c, encodeUpdateChunk(1, 0, 1_000_000, bytes(10)), 1 << 20)).toEqual({ kind: "malformed" });
    expect(assembler.add(c, Uint8Array.from([106, 1]), 1 << 20)).toEqual({ kind: "malformed" });
  });
});
