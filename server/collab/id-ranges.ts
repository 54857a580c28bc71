import * as encoding from "lib0/encoding";

/**
 * Clock ranges per Yjs client id, kept sorted and merged: what a room holds (structs) or has
 * deleted (its delete set), without a Y.Doc. A draft's history is a few thousand ranges at
 * most, so plain arrays of [from, to) pairs are enough; lookups are binary searches.
 */
export class IdRanges {
  /** client → flat sorted [from0, to0, from1, to1, …], non-overlapping and non-touching. */
  private readonly clients = new Map<number, number[]>();

  get clientCount(): number {
    return this.clients.size;
  }

  add(client: number, from: number, to: number): void {
    if (to <= from) return;
    const ranges = this.clients.get(client);
    if (!ranges) {
      this.clients.set(client, [from, to]);
      return;
    }
    // The common case by far: the next keystroke of a client extends its last range.
    const last = ranges.length - 2;
    if (from >= ranges[last]! && from <= ranges[last + 1]!) {
      ranges[last + 1] = Math.max(ranges[last + 1]!, to);
      return;
    }
    if (from > ranges[last + 1]!) {
      ranges.push(from, to);
      return;
    }
    // Everything that touches [from, to) is replaced by one merged range.
    const first = firstEndingAtOrAfter(ranges, from);
    let end = first;
    let mergedFrom = from;
    let mergedTo = to;
    while (end < ranges.length && ranges[end]! <= to) {
      mergedFrom = Math.min(mergedFrom, ranges[end]!);
      mergedTo = Math.max(mergedTo, ranges[end + 1]!);
      end += 2;
    }
    ranges.splice(first, end - first, mergedFrom, mergedTo);
  }

  /** Whether every clock in [from, to) of the client is in the set. */
  covers(client: number, from: number, to: number): boolean {
    if (to <= from) return true;
    const ranges = this.clients.get(client);
    if (!ranges) return false;
    const i = firstEndingAtOrAfter(ranges, from + 1);
    return i < ranges.length && ranges[i]! <= from && ranges[i + 1]! >= to;
  }

  /** The clock up to which the client's range starting at 0 runs: Yjs's state vector entry. */
  contiguous(client: number): number {
    const ranges = this.clients.get(client);
    return ranges && ranges[0] === 0 ? ranges[1]! : 0;
  }

  /** A V1 state vector of the contiguous ranges, as Y.encodeStateVector writes it (clients descending). */
  encodeStateVector(): Uint8Array {
    const entries = [...this.clients.keys()].map((client) => [client, this.contiguous(client)] as const).filter(([, clock]) => clock > 0);
    entries.sort((a, b) => b[0] - a[0]);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const [client, clock] of entries) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
    }
    return encoding.toUint8Array(encoder);
  }

  /**
   * A V1 update holding no structs and this set as its delete set: what a client that already
   * has every struct needs to learn every deletion (the tail of a sync reply).
   */
  encodeAsDeleteSetUpdate(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    const clients = [...this.clients.entries()].sort((a, b) => b[0] - a[0]);
    encoding.writeVarUint(encoder, clients.length);
    for (const [client, ranges] of clients) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, ranges.length / 2);
      for (let i = 0; i < ranges.length; i += 2) {
        encoding.writeVarUint(encoder, ranges[i]!);
        encoding.writeVarUint(encoder, ranges[i + 1]! - ranges[i]!);
      }
    }
    return encoding.toUint8Array(encoder);
  }
}

/** Index (even) of the first range whose end is ≥ clock; ranges.length when none. */
function firstEndingAtOrAfter(ranges: number[], clock: number): number {
  let low = 0;
  let high = ranges.length / 2;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ranges[mid * 2 + 1]! < clock) low = mid + 1;
    else high = mid;
  }
  return low * 2;
}
