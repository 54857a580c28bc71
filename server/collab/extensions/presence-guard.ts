import { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import { CloseCode } from "../../../core/collab/close-codes";
import type { Logger } from "../../logger";
import type { Connection } from "../connection";
import { changesAwareness, decodeAwarenessEntries, encodeAwarenessEntries, isRemoval, type AwarenessEntry } from "../presence/awareness-entries";
import { bindState, type StateBounds } from "../presence/bind-state";
import { PresenceOwnership } from "../presence/ownership";
import { TokenBucket } from "../presence/token-bucket";
import { encodeAwareness, readAwarenessPayload } from "../protocol";
import type { Room } from "../room";
import type { ChangeOrigin, CollabExtension } from "../types";

export interface PresenceLimits extends StateBounds {
  /** One awareness frame. A new client echoes every state of the room back in one: 50 people fit. */
  maxFrameBytes: number;
  /** A browser tab announces one id; a few more leave room for a provider that is recreated. */
  maxClientIdsPerConnection: number;
  /** Frames that change presence, per socket: a caret moves per keystroke or per drag step. */
  updatesPerSecond: number;
  updateBurst: number;
  /**
   * Dropped frames a socket may send before it is closed (PresenceFlood): past `dropBurst`, more
   * than `dropsPerSecond` on average. A drag on a 144 Hz screen drops ~125/s and is never closed;
   * a script sending thousands a second is, within a second or two.
   */
  dropsPerSecond: number;
  dropBurst: number;
}

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = {
  maxFrameBytes: 64 * 1024,
  maxStateBytes: 2 * 1024,
  maxFieldBytes: 1024,
  maxClientIdsPerConnection: 4,
  updatesPerSecond: 20,
  updateBurst: 40,
  dropsPerSecond: 200,
  dropBurst: 1000,
};

interface Sender {
  room: Room;
  updates: TokenBucket;
  drops: TokenBucket;
  claimed: number;
  /** The newest frame that came faster than the rate, applied when a token frees up: the last caret position of a fast drag is not lost. */
  pending: Uint8Array | null;
  timer: NodeJS.Timeout | null;
}

export type PresenceGuard = CollabExtension & {
  /** For Redis fan-out: the part of a peer node's (already bound) update that may be applied here, or null. */
  acceptPeerAwareness(room: Room, nodeId: string, update: Uint8Array): Uint8Array | null;
};

/**
 * Presence cannot be forged or flooded (issue 16). Every awareness state a socket sends is bound
 * to its account (name and colour from the server), a Yjs client id belongs to the socket that
 * announced it first (PresenceOwnership), and a socket's presence is bounded in size and rate.
 * Echoes — y-websocket clients send back every state they are sent — cost a decode and nothing
 * else. Frames it rewrites go on to frames.ts; frames it held back for the rate it applies itself.
 */
export function presenceGuard(options: { log: Logger; limits?: Partial<PresenceLimits> }): PresenceGuard {
  const limits = { ...DEFAULT_PRESENCE_LIMITS, ...options.limits };
  const ownerships = new WeakMap<Room, PresenceOwnership>();
  const senders = new WeakMap<Connection, Sender>();
  const warned = new WeakSet<Connection>();

  const ownershipOf = (room: Room) => {
    let ownership = ownerships.get(room);
    if (!ownership) ownerships.set(room, (ownership = new PresenceOwnership(room)));
    return ownership;
  };

  const senderFor = (connection: Connection, room: Room): Sender => {
    let sender = senders.get(connection);
    if (!sender) {
      sender = { room, updates: new TokenBucket(limits.updatesPerSecond, limits.updateBurst), drops: new TokenBucket(limits.dropsPerSecond, limits.dropBurst), claimed: 0, pending: null, timer: null };
      senders.set(connection, sender);
    }
    return sender;
  };

  const drop = (connection: Connection, sender: Sender) => {
    connection.droppedFrames += 1;
    if (sender.drops.take()) return;
    options.log.warn("collab socket closed for flooding presence", { connection: connection.id, user: connection.identity.user.id, draftId: sender.room.draftId, dropped: connection.droppedFrames });
    connection.close(CloseCode.PresenceFlood, "Too many presence updates");
  };

  /** One entry that would change the room: the JSON to apply, or whether to skip or refuse (and count) it. */
  const judge = (connection: Connection, sender: Sender, ownership: PresenceOwnership, entry: AwarenessEntry): { json: string } | "skip" | "refuse" => {
    if (!ownership.mayChange(entry.clientId, connection)) return "refuse";
    const owned = ownership.isOwnedBy(entry.clientId, connection);
    // Removing a state nobody holds changes nothing but its clock, which would then hide the
    // id's real owner (their clock is lower) until the room closes.
    if (!owned && isRemoval(entry)) return "skip";
    if (!owned && sender.claimed >= limits.maxClientIdsPerConnection) return "refuse";
    const json = bindState(entry.json, connection.identity.user, limits);
    if (json === null) return "refuse";
    if (!owned) {
      if (json === "null") return "skip";
      ownership.claim(entry.clientId, connection);
      sender.claimed += 1;
    }
    return { json };
  };

  /** The entries the socket may apply, bound to its account, as an awareness update; null if none. */
  const bind = (connection: Connection, sender: Sender, changing: AwarenessEntry[]): Uint8Array | null => {
    const ownership = ownershipOf(sender.room);
    const accepted: Array<{ clientId: number; clock: number; json: string }> = [];
    let refused = false;
    for (const entry of changing) {
      const verdict = judge(connection, sender, ownership, entry);
      if (verdict === "refuse") refused = true;
      else if (verdict !== "skip") accepted.push({ clientId: entry.clientId, clock: entry.clock, json: verdict.json });
    }
    if (refused) {
      if (!warned.has(connection)) {
        warned.add(connection);
        options.log.warn("collab presence refused: another socket's client id, too many ids, or too large", { connection: connection.id, user: connection.identity.user.id, draftId: sender.room.draftId });
      }
      drop(connection, sender);
    }
    return accepted.length > 0 ? encodeAwarenessEntries(accepted) : null;
  };

  /** The entries of an awareness frame that would change the room; throws if malformed. */
  const changingEntries = (room: Room, frame: Uint8Array) => decodeAwarenessEntries(readAwarenessPayload(frame)).filter((entry) => changesAwareness(room.awareness, entry));

  const applyPending = (connection: Connection, sender: Sender) => {
    sender.timer = null;
    if (!sender.pending || connection.socket.readyState !== WebSocket.OPEN || !sender.room.connections.has(connection)) return;
    if (!sender.updates.take()) {
      sender.timer = setTimeout(() => applyPending(connection, sender), sender.updates.msUntilToken()).unref();
      return;
    }
    const frame = sender.pending;
    sender.pending = null;
    // Decoded when it arrived; re-read now because the room may have moved on since.
    const update = bind(connection, sender, changingEntries(sender.room, frame));
    const origin: ChangeOrigin = { kind: "client", connection };
    if (update) awarenessProtocol.applyAwarenessUpdate(sender.room.awareness, update, origin);
  };

  const defer = (connection: Connection, sender: Sender, frame: Uint8Array) => {
    if (sender.pending) drop(connection, sender);
    // A copy: ws may reuse the buffer the frame was read into.
    sender.pending = frame.slice();
    sender.timer ??= setTimeout(() => applyPending(connection, sender), sender.updates.msUntilToken()).unref();
  };

  return {
    name: "presence guard",
    onMessage(connection, message, room) {
      if (message.type !== "awareness" && message.type !== "query-awareness") return true;
      // Closed for flooding: what is still in flight is not worth reading.
      if (connection.socket.readyState !== WebSocket.OPEN) return false;
      const sender = senderFor(connection, room);
      // Only the server asks for everyone's presence; a client asking costs a frame of all states.
      if (message.type === "query-awareness") {
        if (sender.updates.take()) return true;
        drop(connection, sender);
        return false;
      }
      if (message.bytes.byteLength > limits.maxFrameBytes) {
        drop(connection, sender);
        return false;
      }
      let changing: AwarenessEntry[];
      try {
        changing = changingEntries(room, message.bytes);
      } catch {
        connection.close(1007, "Malformed update");
        return false;
      }
      if (changing.length === 0) return false;
      if (sender.pending || !sender.updates.take()) {
        defer(connection, sender, message.bytes);
        return false;
      }
      const update = bind(connection, sender, changing);
      if (!update) return false;
      message.bytes = encodeAwareness(update);
      return true;
    },
    onDisconnect(connection) {
      const sender = senders.get(connection);
      if (!sender) return;
      if (sender.timer) clearTimeout(sender.timer);
      // The room already removed the ids it saw added; one re-announced after a reconnect counts
      // as "updated" there and would linger as a ghost caret until awareness times it out.
      const released = ownershipOf(sender.room).release(connection);
      const lingering = released.filter((clientId) => sender.room.awareness.states.has(clientId));
      const origin: ChangeOrigin = { kind: "client", connection };
      if (lingering.length > 0) awarenessProtocol.removeAwarenessStates(sender.room.awareness, lingering, origin);
    },
    acceptPeerAwareness(room, nodeId, update) {
      let entries: AwarenessEntry[];
      try {
        entries = decodeAwarenessEntries(update);
      } catch {
        return null;
      }
      const ownership = ownershipOf(room);
      const kept = entries.filter((entry) => ownership.acceptFromPeer(entry.clientId, nodeId));
      if (kept.length === entries.length) return update;
      return kept.length > 0 ? encodeAwarenessEntries(kept) : null;
    },
  };
}
