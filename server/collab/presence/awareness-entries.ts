import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Awareness } from "y-protocols/awareness";

/**
 * One entry of a y-protocols awareness update: varUint client id, varUint clock, varString JSON
 * state ("null" removes it). The JSON stays as UTF-8 bytes: most entries a server receives are
 * echoes (y-websocket clients send back every state they are sent) and are never parsed.
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  json: Uint8Array;
}

/** The entries of an awareness update; throws on anything malformed (lib0 checks every length). */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, json: decoding.readVarUint8Array(decoder) });
  }
  return entries;
}

/** An awareness update from entries whose JSON is already encoded or chosen by the server. */
export function encodeAwarenessEntries(entries: Array<{ clientId: number; clock: number; json: Uint8Array | string }>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    if (typeof json === "string") encoding.writeVarString(encoder, json);
    else encoding.writeVarUint8Array(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

const NULL_SPELLINGS_MAX_BYTES = 16;
const utf8 = new TextDecoder();

/** Whether the entry removes its state (JSON null, give or take whitespace). */
export function isRemoval(entry: AwarenessEntry): boolean {
  return entry.json.byteLength <= NULL_SPELLINGS_MAX_BYTES && utf8.decode(entry.json).trim() === "null";
}

/**
 * Whether applying the entry would change the room's awareness, by y-protocols' own rule: a
 * higher clock, or a removal at the same clock of a state that is there. Anything else (an echo,
 * a late repeat) is ignored by applyAwarenessUpdate anyway, so it is neither a claim nor a flood.
 */
export function changesAwareness(awareness: Awareness, entry: AwarenessEntry): boolean {
  const current = awareness.meta.get(entry.clientId)?.clock ?? 0;
  if (entry.clock > current) return true;
  return entry.clock === current && isRemoval(entry) && awareness.states.has(entry.clientId);
}
