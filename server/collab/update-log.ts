import * as Y from "yjs";
import { IdRanges } from "./id-ranges";
import { encodeUpdate } from "./protocol";

/**
 * A received update, read once: the struct and deletion ranges it holds, per client. Reading
 * it is also the check that it is a well-formed V1 update (Y.decodeUpdate throws otherwise).
 */
export interface InspectedUpdate {
  readonly update: Uint8Array;
  /** Flat [client, from, to, …] of its structs (Skips left out: they hold nothing). */
  readonly structs: number[];
  /** Flat [client, from, to, …] of its delete set, and of its GC structs (deleted content). */
  readonly deletes: number[];
}

export function inspectUpdate(update: Uint8Array): InspectedUpdate {
  const { structs, ds } = Y.decodeUpdate(update);
  const ranges: number[] = [];
  const deletes: number[] = [];
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    addRange(ranges, client, clock, clock + struct.length);
    if (struct instanceof Y.GC || (struct instanceof Y.Item && struct.content instanceof Y.ContentDeleted)) addRange(deletes, client, clock, clock + struct.length);
  }
  for (const [client, items] of ds.clients) for (const item of items) addRange(deletes, client, item.clock, item.clock + item.len);
  return { update, structs: ranges, deletes };
}

/**
 * Appends [client, from, to] to a flat range list, extending the last range instead when it is
 * the same client's and ends where this one starts. A stored draft holds each client's structs
 * in clock order, so its tens of thousands of structs become a few ranges per client: every
 * later step (tracking, "is this new?") then walks ranges, not structs (issue 23: cold loads).
 */
function addRange(list: number[], client: number, from: number, to: number): void {
  const last = list.length - 3;
  if (last >= 0 && list[last] === client && list[last + 2] === from) list[last + 2] = to;
  else list.push(client, from, to);
}

/** One stored piece of the room's state: an update and its ready-to-send update frame. */
export interface Piece {
  readonly frame: Uint8Array;
  readonly update: Uint8Array;
  /** client → end of its last struct here: a state vector at or past it has all of them. */
  readonly ends: Map<number, number>;
}

/**
 * Raw updates kept before they are merged into a run: few, so each merge is small. Y.mergeUpdates
 * costs per struct, not per byte (a keystroke typed mid-text is a struct of its own); on the
 * 50,000-word draft 64 keystrokes merge in ~1 ms, while one keystroke merged into the whole base
 * costs 40–60 ms (bench/collab/relay-costs.ts): the base is never merged into while open.
 */
const TAIL_FOLD_COUNT = 64;
const TAIL_FOLD_BYTES = 32 * 1024;
/**
 * Runs are merged pairwise while the newer is at least half the older (so each struct is merged
 * O(log n) times), but never into one larger than this, so a merge stays at a few milliseconds
 * and a new client gets a session's work in a few dozen frames. Measured (CPU per keystroke
 * taken in, 10,000 keystrokes): 8 KiB 24 µs, no run merging 21 µs, a Y.Doc 70–79 µs.
 */
const MAX_RUN_BYTES = 8 * 1024;
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

const pieceOf = (update: Uint8Array, ends: Map<number, number>, frame = encodeUpdate(update)): Piece => ({
  frame,
  update: frame.subarray(frame.byteLength - update.byteLength),
  ends,
});

const endsOf = (inspected: InspectedUpdate): Map<number, number> => {
  const ends = new Map<number, number>();
  const s = inspected.structs;
  for (let i = 0; i < s.length; i += 3) ends.set(s[i]!, Math.max(ends.get(s[i]!) ?? 0, s[i + 2]!));
  return ends;
};

const unionOf = (pieces: readonly Piece[]): Map<number, number> => {
  const ends = new Map<number, number>();
  for (const piece of pieces) for (const [client, end] of piece.ends) ends.set(client, Math.max(ends.get(client) ?? 0, end));
  return ends;
};

/**
 * A draft's state without a Y.Doc (issue 23): the base (what storage held when the room opened,
 * never rewritten while it is open: merging into it rewrites the whole draft, ~60 ms for a
 * 50,000-word one), runs of merged updates received since, and a tail of the exact updates
 * received last. What the room holds and has deleted is tracked as clock ranges, which is all
 * that "is this update new?" and the state vector need.
 */
export class UpdateLog {
  private base: Piece | null = null;
  private readonly runs: Piece[] = [];
  private tail: Piece[] = [];
  private tailBytes = 0;
  private readonly known = new IdRanges();
  private readonly deleted = new IdRanges();
  private stateVectorCache: Uint8Array | null = null;
  private deleteSetCache: Uint8Array | null = null;
  /** Everything as one update, merged once per change: sync replies and refusals read it. */
  private mergedCache: Uint8Array | null = null;
  /** Bytes of every update taken in, for the document-size limit. */
  bytes = 0;

  /** Fills an empty log from storage: the snapshot becomes the base, the log rows runs. */
  load(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): void {
    if (snapshot) {
      const inspected = inspectUpdate(snapshot);
      this.track(inspected);
      this.base = pieceOf(snapshot, endsOf(inspected));
      this.bytes += snapshot.byteLength;
    }
    for (const update of updates) this.append(inspectUpdate(update));
    this.fold();
  }

  /** Whether taking the update in would change the room; the clients whose new structs it holds. */
  freshClients(inspected: InspectedUpdate): number[] | null {
    let clients: number[] | null = null;
    const s = inspected.structs;
    for (let i = 0; i < s.length; i += 3) {
      if (this.known.covers(s[i]!, s[i + 1]!, s[i + 2]!)) continue;
      clients ??= [];
      if (!clients.includes(s[i]!)) clients.push(s[i]!);
    }
    if (clients) return clients;
    const d = inspected.deletes;
    for (let i = 0; i < d.length; i += 3) if (!this.deleted.covers(d[i]!, d[i + 1]!, d[i + 2]!)) return [];
    return null;
  }

  /** Keeps the update (a copy: `frame` may be a view of a socket's read buffer); returns the kept bytes. */
  append(inspected: InspectedUpdate, frame?: Uint8Array): Uint8Array {
    this.track(inspected);
    const piece = pieceOf(inspected.update, endsOf(inspected), frame ? new Uint8Array(frame) : undefined);
    this.tail.push(piece);
    this.tailBytes += piece.update.byteLength;
    this.bytes += piece.update.byteLength;
    if (this.tail.length >= TAIL_FOLD_COUNT || this.tailBytes >= TAIL_FOLD_BYTES) this.fold();
    return piece.update;
  }

  stateVector(): Uint8Array {
    this.stateVectorCache ??= this.known.encodeStateVector();
    return this.stateVectorCache;
  }

  /**
   * What a peer with this state vector lacks, as update frames to send in order: each stored
   * piece it has not wholly seen (as it is for an empty vector, else diffed), and last the
   * room's whole delete set when a piece was skipped (deletions are not in a state vector).
   * `last` is the update that should end the exchange (the sync step 2's payload).
   */
  missing(stateVector: Uint8Array): { frames: Uint8Array[]; last: Uint8Array } {
    const pieces = this.pieces();
    const have = Y.decodeStateVector(stateVector);
    if (have.size === 0) return { frames: pieces.map((p) => p.frame), last: EMPTY_UPDATE };
    const frames: Uint8Array[] = [];
    let skipped = false;
    for (const piece of pieces) {
      const covered = [...piece.ends].every(([client, end]) => (have.get(client) ?? 0) >= end);
      if (covered) skipped = true;
      else frames.push(encodeUpdate(Y.diffUpdate(piece.update, stateVector)));
    }
    if (!skipped) return { frames, last: EMPTY_UPDATE };
    this.deleteSetCache ??= this.deleted.encodeAsDeleteSetUpdate();
    return { frames, last: this.deleteSetCache };
  }

  /** Everything as one update (storing memory at unload, a refused socket's reset): merges it all. */
  merged(): Uint8Array {
    if (this.mergedCache) return this.mergedCache;
    const updates = this.updates();
    this.mergedCache = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    return this.mergedCache;
  }

  /**
   * Every piece as it is kept, unmerged: compaction applies them in its worker. Merging here
   * would put ~60 ms of a 50,000-word draft on the sockets' thread at every unload.
   */
  updates(): Uint8Array[] {
    return this.pieces().map((p) => p.update);
  }

  /** What was taken in after the base (the storage the room opened from) that a state vector lacks. */
  since(stateVector: Uint8Array): Uint8Array {
    const updates = [...this.runs, ...this.tail].map((p) => p.update);
    return Y.diffUpdate(Y.mergeUpdates(updates), stateVector);
  }

  /** Every piece as kept, base first, each with its ready update frame (a new client's sync reply). */
  pieces(): Piece[] {
    return this.base ? [this.base, ...this.runs, ...this.tail] : [...this.runs, ...this.tail];
  }

  private track(inspected: InspectedUpdate): void {
    const s = inspected.structs;
    for (let i = 0; i < s.length; i += 3) this.known.add(s[i]!, s[i + 1]!, s[i + 2]!);
    const d = inspected.deletes;
    for (let i = 0; i < d.length; i += 3) this.deleted.add(d[i]!, d[i + 1]!, d[i + 2]!);
    this.stateVectorCache = null;
    this.mergedCache = null;
    if (d.length > 0) this.deleteSetCache = null;
  }

  /** The tail becomes one run (in slices of TAIL_FOLD_COUNT), then small runs merge upwards. */
  private fold(): void {
    const tail = this.tail;
    this.tail = [];
    this.tailBytes = 0;
    for (let i = 0; i < tail.length; i += TAIL_FOLD_COUNT) this.push(tail.slice(i, i + TAIL_FOLD_COUNT));
    while (this.runs.length >= 2) {
      const newer = this.runs[this.runs.length - 1]!;
      const older = this.runs[this.runs.length - 2]!;
      if (newer.update.byteLength * 2 < older.update.byteLength || newer.update.byteLength + older.update.byteLength > MAX_RUN_BYTES) break;
      this.runs.splice(-2, 2);
      if (!this.push([older, newer])) break;
    }
  }

  /** Adds the pieces as one merged run; false when they could not be merged (kept as they are). */
  private push(pieces: Piece[]): boolean {
    if (pieces.length === 1) return this.runs.push(pieces[0]!) > 0;
    let merged: Uint8Array;
    try {
      merged = Y.mergeUpdates(pieces.map((p) => p.update));
    } catch {
      // Read fine but cannot be merged (a crafted update): kept as they came, still relayed as such.
      this.runs.push(...pieces);
      return false;
    }
    this.runs.push(pieceOf(merged, unionOf(pieces)));
    return true;
  }
}
