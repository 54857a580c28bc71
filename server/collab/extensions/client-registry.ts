import type { Kysely } from "kysely";
import { recordDraftClients, type DraftClient } from "../../../db/queries/draft-clients";
import type { Database } from "../../../db/schema";
import type { Logger } from "../../logger";
import type { Room } from "../room";
import type { CollabExtension } from "../types";

export interface ClientRegistryOptions {
  db: Kysely<Database>;
  log: Logger;
  /** How long a newly seen client waits before its row is written (a few hundred ms). */
  batchMs: number;
}

interface Sighting extends DraftClient {
  room: Room;
}

/**
 * Records which user each Yjs client of a draft is (`draft_clients`), so words can later be
 * counted by author from the ids Yjs items carry (server/checks/words-by-organisation.ts).
 *
 * A change from a socket names the clients whose structs it adds to the room (the room read
 * them when it checked the update was new); the first sighting of a client on a draft is
 * queued and written with every other draft's in one statement per batch, after the broadcast
 * and never in its way. Peer and storage changes are not ours to attribute: the node that heard
 * them from a socket records them. Read-only sockets' changes are dropped before they reach here.
 *
 * Best effort, by design: a failed write is logged and dropped, and the room forgets those
 * clients so their next change tries again. A client never recorded counts as "unknown".
 */
export function clientRegistry(options: ClientRegistryOptions): CollabExtension {
  // Per room object, not per draft id: a room that unloads takes its set with it.
  const known = new WeakMap<Room, Set<number>>();
  let pending: Sighting[] = [];
  let timer: NodeJS.Timeout | null = null;
  // Writes run one after another; store() never rejects, so the chain never breaks.
  let chain: Promise<void> = Promise.resolve();

  const store = async (batch: Sighting[]): Promise<void> => {
    try {
      await recordDraftClients(
        options.db,
        batch.map(({ draftId, clientId, userId }) => ({ draftId, clientId, userId })),
      );
    } catch (error) {
      for (const { room, clientId } of batch) known.get(room)?.delete(clientId);
      options.log.warn("draft clients not recorded; their next change retries", { clients: batch.length, error: String(error) });
    }
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length > 0) chain = chain.then(() => store(batch));
    return chain;
  };

  return {
    name: "client registry",
    onChange(room, _update, origin, freshClients) {
      if (origin.kind !== "client") return;
      let seen = known.get(room);
      if (!seen) known.set(room, (seen = new Set()));
      const userId = origin.connection.identity.user.id;
      for (const clientId of freshClients) {
        if (seen.has(clientId)) continue;
        seen.add(clientId);
        pending.push({ room, draftId: room.draftId, clientId, userId });
      }
      if (pending.length > 0) timer ??= setTimeout(() => void flush(), options.batchMs);
    },
    async onShutdown() {
      await flush();
    },
  };
}
