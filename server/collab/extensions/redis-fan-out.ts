import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import * as awarenessProtocol from "y-protocols/awareness";
import { MESSAGE_DRAFT_EVENT } from "../../../core/collab/draft-events";
import type { Logger } from "../../logger";
import { readSyncPayload } from "../protocol";
import type { Room } from "../room";
import type { ChangeOrigin, CollabExtension, RevalidationFilter } from "../types";

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
/** "I just opened this room; here is my state vector": peers answer with what it lacks. */
const KIND_SYNC_REQUEST = 2;
/** An encoded MESSAGE_DRAFT_EVENT frame, passed to local sockets as it is. */
const KIND_DRAFT_EVENT = 3;
/** "Settle this draft and tell me": the payload is the request id; the answer goes to my ack channel. */
const KIND_SETTLE = 4;

const REVALIDATE_CHANNEL = "caucus:collab:revalidate";
/** Where a node hears that peers settled a draft it asked about. */
const ackChannel = (nodeId: string) => `caucus:collab:settled:${nodeId}`;
/** How long a settle waits for every peer: a node that does not answer by then is reported. */
const SETTLE_TIMEOUT_MS = 5000;
/** Exported for tests, which wait for a node's subscription before announcing. */
export const roomChannel = (draftId: string) => `caucus:collab:draft:${draftId}`;

/** [kind][node id length][node id][payload]: binary, so Yjs bytes are never re-encoded. */
function frame(kind: number, nodeId: string, payload: Uint8Array): Buffer {
  const id = Buffer.from(nodeId);
  return Buffer.concat([Buffer.from([kind, id.length]), id, payload]);
}

function unframe(message: Buffer): { kind: number; nodeId: string; payload: Uint8Array } {
  const idLength = message[1]!;
  return {
    kind: message[0]!,
    nodeId: message.subarray(2, 2 + idLength).toString(),
    payload: new Uint8Array(message.buffer, message.byteOffset + 2 + idLength, message.byteLength - 2 - idLength),
  };
}

export interface RedisFanOutOptions {
  url: string;
  log: Logger;
  /** Applies a membership change announced by another node to this node's sockets. */
  revalidateLocally: (filter: RevalidationFilter) => Promise<void>;
  /** This node's part of a settle another node asked for (CollabServer.settleLocally). */
  settleLocally: (draftId: string) => Promise<void>;
  /** What of a peer's presence update may be applied here (the presence guard's ownership rule); null for none. */
  acceptPeerAwareness?: (room: Room, nodeId: string, update: Uint8Array) => Uint8Array | null;
}

/**
 * Several app nodes, one document: each node publishes the changes and awareness its own
 * clients send on a per-draft channel and applies what the others publish. Messages carry the
 * node id, so nothing echoes back to the node that sent it. Draft events go out on the same
 * channel and peers pass them to their sockets on the draft; a node only hears the drafts it
 * has open, which are the only ones it has sockets to tell.
 */
export function redisFanOut(options: RedisFanOutOptions): CollabExtension & { nodeId: string } {
  const nodeId = randomBytes(6).toString("hex");
  const publisher = new Redis(options.url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(options.url, { lazyConnect: false });
  const rooms = new Map<string, Room>();
  const settles = new SettleRequests(nodeId);

  for (const client of [publisher, subscriber]) {
    client.on("error", (error) => options.log.warn("redis connection problem", { error: String(error) }));
  }
  // Not awaited: Redis never holds up a node (it serves its own clients alone until Redis is back),
  // but a rejection nobody handled would end the process once ioredis gives up retrying.
  void subscriber.subscribe(REVALIDATE_CHANNEL, ackChannel(nodeId)).catch((error: unknown) => options.log.warn("redis subscribe failed; no revalidations or settle answers from peers", { error: String(error) }));
  subscriber.on("messageBuffer", (channelBytes: Buffer, message: Buffer) => {
    const channel = channelBytes.toString();
    if (channel === REVALIDATE_CHANNEL) {
      const { from, filter } = JSON.parse(message.toString()) as { from: string; filter: RevalidationFilter };
      if (from !== nodeId) void options.revalidateLocally(filter);
      return;
    }
    if (channel === ackChannel(nodeId)) return settles.answered(message.toString());
    const { kind, nodeId: from, payload } = unframe(message);
    if (kind === KIND_SETTLE) return void settleFor(channel, from, Buffer.from(payload).toString());
    const room = rooms.get(channel);
    if (!room || from === nodeId) return;
    const origin: ChangeOrigin = { kind: "peer", nodeId: from };
    if (kind === KIND_UPDATE) receivePeerUpdate(room, payload, origin);
    else if (kind === KIND_AWARENESS) {
      const accepted = options.acceptPeerAwareness ? options.acceptPeerAwareness(room, from, payload) : payload;
      if (accepted) awarenessProtocol.applyAwarenessUpdate(room.awareness, accepted, origin);
    }
    else if (kind === KIND_SYNC_REQUEST) {
      // Piece by piece as the room holds them: merging them into one would rewrite the whole draft.
      const { frames, last } = room.log.missing(payload);
      for (const update of [...frames.map(readSyncPayload), last]) {
        void publisher.publish(channel, frame(KIND_UPDATE, nodeId, update)).catch((error: unknown) => options.log.warn("redis publish failed", { channel, error: String(error) }));
      }
    } else if (kind === KIND_DRAFT_EVENT && payload[0] === MESSAGE_DRAFT_EVENT) {
      // Only ever a draft event: whatever else sits on the channel never reaches a browser raw.
      for (const connection of room.connections) connection.send(payload);
    }
  });

  const receivePeerUpdate = (room: Room, update: Uint8Array, origin: ChangeOrigin) => {
    try {
      room.receive(update, origin);
    } catch (error) {
      options.log.warn("peer update refused: not a well-formed update", { draftId: room.draftId, from: origin.kind === "peer" ? origin.nodeId : "", error: String(error) });
    }
  };

  /**
   * Every node subscribed to the draft's channel answers a settle, the asking node included
   * (PUBLISH counts its subscriber too, and settling twice costs nothing): the count the asking
   * node waits for is exactly PUBLISH's. A node whose room closed meanwhile answers at once.
   */
  const settleFor = async (channel: string, from: string, requestId: string) => {
    const draftId = channel.slice(roomChannel("").length);
    try {
      await options.settleLocally(draftId);
    } catch (error) {
      // Not answering makes the asking node report the failure; answering would claim a write.
      options.log.error("settle for a peer failed", { draftId, error: String(error) });
      return;
    }
    publisher.publish(ackChannel(from), requestId).catch(() => {});
  };

  // By draft id, not room: a draft event is published from a node with no room open for it.
  const publish = (draftId: string, kind: number, payload: Uint8Array) => {
    publisher.publish(roomChannel(draftId), frame(kind, nodeId, payload)).catch((error: unknown) => {
      options.log.warn("redis publish failed", { draftId, error: String(error) });
    });
  };

  return {
    name: "redis fan-out",
    nodeId,
    onLoadDocument(room) {
      const channel = roomChannel(room.draftId);
      rooms.set(channel, room);
      // Not awaited: with Redis down the room still opens and this node edits alone until it is back.
      subscriber
        .subscribe(channel)
        // Peers may hold updates their clients sent that are not in the database yet.
        .then(() => publish(room.draftId, KIND_SYNC_REQUEST, room.log.stateVector()))
        .catch((error: unknown) => options.log.warn("redis subscribe failed; editing on this node only", { draftId: room.draftId, error: String(error) }));
      return Promise.resolve();
    },
    onChange(room, update, origin) {
      if (origin.kind === "client") publish(room.draftId, KIND_UPDATE, update);
    },
    onAwarenessChange(room, update, origin) {
      if (origin.kind === "client") publish(room.draftId, KIND_AWARENESS, update);
    },
    onStoredChange(draftId, update) {
      // Peers apply it as a peer's change: in memory, for their sockets; the database has it.
      publish(draftId, KIND_UPDATE, update);
    },
    onAnnounce(draftId, draftEvent) {
      // The server already told this node's sockets; the node id tag keeps it from hearing it again.
      publish(draftId, KIND_DRAFT_EVENT, draftEvent);
    },
    beforeUnload(room) {
      if (room.connections.size === 0) {
        const channel = roomChannel(room.draftId);
        rooms.delete(channel);
        // Not awaited: with Redis down an UNSUBSCRIBE waits for a connection that may never come.
        subscriber.unsubscribe(channel).catch(() => {});
      }
      return Promise.resolve();
    },
    async settlePeers(draftId) {
      // Without Redis the peers cannot be asked: say so at once rather than after the timeout.
      if (publisher.status !== "ready") throw new Error(`Redis is ${publisher.status}: peers cannot settle the draft`);
      // One time bound for the whole exchange, publish included.
      const request = settles.open(SETTLE_TIMEOUT_MS);
      try {
        publisher.publish(roomChannel(draftId), frame(KIND_SETTLE, nodeId, Buffer.from(request.id))).then(
          (listeners) => request.expect(listeners),
          (error: unknown) => request.fail(error),
        );
        await request.done;
      } finally {
        settles.close(request.id);
      }
    },
    onRevalidate(filter, fromPeer) {
      if (!fromPeer) void publisher.publish(REVALIDATE_CHANNEL, JSON.stringify({ from: nodeId, filter })).catch((error: unknown) => options.log.warn("redis publish failed; peers not revalidated", { error: String(error) }));
    },
    async onShutdown() {
      // Fan-out holds no state to flush (persistence does), so drop the connections at once:
      // QUIT would wait forever on a Redis that is down.
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

/** Settle requests this node is waiting on, by id: how many answers each still needs. */
class SettleRequests {
  private next = 0;
  private readonly waiting = new Map<string, { needed: number; got: number; settle: (error?: unknown) => void }>();

  constructor(private readonly nodeId: string) {}

  /**
   * A new request: `done` resolves once as many nodes answered as `expect` is told (PUBLISH's
   * count, known only after the answers may have started), and rejects after `timeoutMs`.
   */
  open(timeoutMs: number): { id: string; done: Promise<void>; expect(needed: number): void; fail(error: unknown): void } {
    const id = `${this.nodeId}:${++this.next}`;
    let settle: (error?: unknown) => void = () => {};
    const entry = { needed: Number.POSITIVE_INFINITY, got: 0, settle: (error?: unknown) => settle(error) };
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${entry.needed - entry.got} node(s) did not settle the draft in time`)), timeoutMs);
      settle = (error) => {
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
    });
    this.waiting.set(id, entry);
    return {
      id,
      done,
      expect: (needed) => {
        entry.needed = needed;
        if (entry.got >= entry.needed) entry.settle();
      },
      fail: (error) => entry.settle(error),
    };
  }

  answered(id: string): void {
    const entry = this.waiting.get(id);
    if (!entry) return;
    entry.got += 1;
    if (entry.got >= entry.needed) entry.settle();
  }

  close(id: string): void {
    this.waiting.delete(id);
  }
}
