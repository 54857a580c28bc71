import * as decoding from "lib0/decoding";
import { readUpdateChunk } from "../../core/collab/session-messages";
import type { Connection } from "./connection";

export interface ChunkLimits {
  /** Most bytes one assembled update may hold (the document-size limit bounds it further). */
  maxUpdateBytes: number;
  /** Most bytes held in unfinished assemblies on this node at once. */
  maxNodeBytes: number;
}

/** Pieces per update: a client cannot make the server track more entries than this. */
const MAX_CHUNKS = 4096;

interface Assembly {
  updateId: number;
  count: number;
  parts: Uint8Array[];
  bytes: number;
}

export type ChunkResult =
  | { kind: "pending" }
  | { kind: "done"; update: Uint8Array }
  /** Out of order, inconsistent, or not decodable: the client is not ours, or broken. */
  | { kind: "malformed" }
  /** Past the update's own bound (or the room's remaining room). */
  | { kind: "too-large" }
  /** The node holds too many unfinished assemblies: the client retries later. */
  | { kind: "busy" };

/**
 * Puts together updates a client sent in UPDATE_CHUNK frames: its offline work can be larger
 * than one frame, and must never become unsendable (issue 16). Bytes are counted as they arrive,
 * never taken from the declared count, and bounded per update, per room and per node; a socket
 * holds at most one assembly, and a closed socket's is released.
 */
export class UpdateChunkAssembler {
  private readonly assemblies = new Map<Connection, Assembly>();
  private heldBytes = 0;

  constructor(private readonly limits: ChunkLimits) {}

  /** `roomBudget`: how many bytes the room may still grow by under the document-size limit. */
  add(connection: Connection, frame: Uint8Array, roomBudget: number): ChunkResult {
    let chunk;
    try {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      chunk = readUpdateChunk(decoder);
    } catch {
      return this.fail(connection, { kind: "malformed" });
    }
    if (chunk.count < 1 || chunk.count > MAX_CHUNKS || chunk.index >= chunk.count) return this.fail(connection, { kind: "malformed" });
    let assembly = this.assemblies.get(connection);
    if (chunk.index === 0) {
      // A new update replaces one left unfinished (the client reconnected mid-way on its side).
      this.release(connection);
      assembly = { updateId: chunk.updateId, count: chunk.count, parts: [], bytes: 0 };
      this.assemblies.set(connection, assembly);
    }
    if (!assembly || assembly.updateId !== chunk.updateId || assembly.count !== chunk.count || assembly.parts.length !== chunk.index) {
      return this.fail(connection, { kind: "malformed" });
    }
    const size = chunk.bytes.byteLength;
    if (assembly.bytes + size > Math.min(this.limits.maxUpdateBytes, roomBudget)) return this.fail(connection, { kind: "too-large" });
    if (this.heldBytes + size > this.limits.maxNodeBytes) return this.fail(connection, { kind: "busy" });
    // Copied: the frame's buffer belongs to ws and may be reused.
    assembly.parts.push(chunk.bytes.slice());
    assembly.bytes += size;
    this.heldBytes += size;
    if (assembly.parts.length < assembly.count) return { kind: "pending" };
    const update = concat(assembly.parts, assembly.bytes);
    this.release(connection);
    return { kind: "done", update };
  }

  /** Forgets a socket's unfinished update (it closed, or sent something wrong). */
  release(connection: Connection): void {
    const assembly = this.assemblies.get(connection);
    if (!assembly) return;
    this.heldBytes -= assembly.bytes;
    this.assemblies.delete(connection);
  }

  /** Bytes held in unfinished assemblies, for tests and logs. */
  get bytesHeld(): number {
    return this.heldBytes;
  }

  private fail(connection: Connection, result: ChunkResult): ChunkResult {
    this.release(connection);
    return result;
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
