import type { Connection } from "../connection";
import type { Room } from "../room";

/**
 * Who each Yjs client id of one room belongs to. First come: a socket on this node that announced
 * the id, or — for a state heard over Redis — the node that published it. An id is free again
 * when its state is gone (its socket closed, its peer removed it, or awareness timed it out).
 *
 * Across nodes each node applies the same rule to what it hears, so a socket can never change a
 * state some other socket or node holds. Two nodes that see the same free id claimed at the same
 * moment may each keep their own claimant; as every state carries its claimant's own account
 * name, that race can hide a caret from some people but never shows one person as another.
 */
/**
 * Silence after which a socket that pings (our browsers, every second or two) is taken to be
 * the dead half of its own person's reconnect: their page keeps its Y.Doc, so its client id,
 * and must not stay invisible until the server's silence sweep (liveness.ts) drops the old one.
 */
const RECONNECT_SILENCE_MS = 3000;

export class PresenceOwnership {
  private readonly sockets = new Map<number, Connection>();
  private readonly nodes = new Map<number, string>();

  constructor(private readonly room: Room) {}

  /** Whether `connection` may change (announce or remove) the state of `clientId`. */
  mayChange(clientId: number, connection: Connection): boolean {
    const owner = this.sockets.get(clientId);
    if (owner) return owner === connection || isOwnReconnect(owner, connection);
    // The room's own id (it holds no state) and a state a peer node holds are nobody's to take.
    return clientId !== this.room.awareness.clientID && !this.room.awareness.states.has(clientId);
  }

  isOwnedBy(clientId: number, connection: Connection): boolean {
    return this.sockets.get(clientId) === connection;
  }

  claim(clientId: number, connection: Connection): void {
    this.sockets.set(clientId, connection);
  }

  /** Frees every id the socket held; returns them, so their states can be removed. */
  release(connection: Connection): number[] {
    const released: number[] = [];
    for (const [clientId, owner] of this.sockets) {
      if (owner !== connection) continue;
      this.sockets.delete(clientId);
      released.push(clientId);
    }
    return released;
  }

  /**
   * Whether a peer node may change `clientId`'s state: not one a socket here holds, nor one
   * another node announced first and still holds. Records the node as holder when it may.
   */
  acceptFromPeer(clientId: number, nodeId: string): boolean {
    if (this.sockets.has(clientId)) return false;
    const holder = this.nodes.get(clientId);
    if (holder !== undefined && holder !== nodeId && this.room.awareness.states.has(clientId)) return false;
    this.nodes.set(clientId, nodeId);
    return true;
  }
}

/** The same person on a new socket, while the one that held the id has gone silent. */
function isOwnReconnect(owner: Connection, connection: Connection): boolean {
  return owner.identity.user.id === connection.identity.user.id && owner.pings && Date.now() - owner.lastFrameAt > RECONNECT_SILENCE_MS;
}
