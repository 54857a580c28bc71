import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Logger } from "../logger";
import { CollabServer } from "./collab-server";
import { authentication } from "./extensions/authentication";
import { authorisation, reauthorise } from "./extensions/authorisation";
import { clientRegistry } from "./extensions/client-registry";
import { DEFAULT_LIMITS, limits, type CollabLimits } from "./extensions/limits";
import { logging } from "./extensions/logging";
import { persistence } from "./extensions/persistence";
import { presenceGuard } from "./extensions/presence-guard";
import { readOnlyFilter } from "./extensions/read-only";
import { redisFanOut } from "./extensions/redis-fan-out";
import type { CollabExtension } from "./types";

export interface CollabOptions {
  db: Kysely<Database>;
  log: Logger;
  publicOrigin: string | undefined;
  trustProxy: boolean;
  limits?: Partial<CollabLimits>;
  /** With a Redis URL, rooms are shared with every other node on the same Redis. */
  redisUrl?: string;
  roomGraceMs?: number;
}

/**
 * The collaboration server, as a recipe: each concern is one extension, called in this order.
 * Authentication and authorisation run at upgrade; limits, the read-only filter and the
 * presence guard see every frame before it is applied; persistence, the client registry and fan-out see every change
 * after it was broadcast.
 */
export function createCollabServer(options: CollabOptions): CollabServer {
  const config = { ...DEFAULT_LIMITS, ...options.limits };
  const presence = presenceGuard({ log: options.log });
  const fanOut: CollabExtension[] = options.redisUrl
    ? [
        redisFanOut({
          url: options.redisUrl,
          log: options.log,
          revalidateLocally: (filter) => server.revalidate(filter, true),
          acceptPeerAwareness: presence.acceptPeerAwareness,
        }),
      ]
    : [];
  const server: CollabServer = new CollabServer({
    extensions: [
      authentication({ db: options.db, publicOrigin: options.publicOrigin, trustProxy: options.trustProxy }),
      authorisation({ db: options.db }),
      limits(config),
      readOnlyFilter(),
      presence,
      persistence({ db: options.db, log: options.log, batchMs: 500, compactEvery: 200 }),
      clientRegistry({ db: options.db, log: options.log, batchMs: 500 }),
      ...fanOut,
      logging(options.log),
    ],
    log: options.log,
    // Twice the soft frame limit: past it ws drops the socket before buffering more.
    maxPayloadBytes: config.maxFrameBytes * 2,
    roomGraceMs: options.roomGraceMs ?? 30_000,
    reauthorise: (identity) => reauthorise(options.db, identity),
  });
  return server;
}

export type { CollabServer } from "./collab-server";
