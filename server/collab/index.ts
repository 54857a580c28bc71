import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { JobRunner } from "../context";
import type { Logger } from "../logger";
import type { CollabMetrics } from "../metrics/recorder";
import { CollabServer } from "./collab-server";
import { authentication } from "./extensions/authentication";
import { authorisation, reauthorise } from "./extensions/authorisation";
import { clientRegistry } from "./extensions/client-registry";
import { DEFAULT_LIMITS, limits, type CollabLimits } from "./extensions/limits";
import { logging } from "./extensions/logging";
import { editGate } from "./extensions/edit-gate";
import { persistence } from "./extensions/persistence";
import { presenceGuard } from "./extensions/presence-guard";
import { redisFanOut } from "./extensions/redis-fan-out";
import { saveAcks } from "./extensions/save-acks";
import { submissionFreeze } from "./extensions/submission-freeze";
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
  /** Where rooms report updates, drops and save lag (server/metrics); nowhere by default. */
  metrics?: CollabMetrics;
  /** Where compactions rebuild drafts (a pool of one worker in the server); in-process without. */
  compactionJobs?: JobRunner | null;
}

/**
 * The collaboration server, as a recipe: each concern is one extension, called in this order.
 * Authentication and authorisation run at upgrade; limits, the edit gate and the presence
 * guard see every frame before it is applied, and save requests are answered after them (so a
 * refusal is known); the submission freeze is read before persistence writes on settle;
 * persistence, the client registry and fan-out see every change after it was broadcast.
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
          settleLocally: (draftId) => server.settleLocally(draftId),
          acceptPeerAwareness: presence.acceptPeerAwareness,
        }),
      ]
    : [];
  const store = persistence({
    db: options.db,
    log: options.log,
    batchMs: 500,
    compactEvery: 200,
    onStoreRefused: (draftId) => server.reload(draftId),
    metrics: options.metrics,
    compactionJobs: options.compactionJobs,
  });
  const server: CollabServer = new CollabServer({
    extensions: [
      authentication({ db: options.db, publicOrigin: options.publicOrigin, trustProxy: options.trustProxy }),
      authorisation({ db: options.db }),
      limits(config),
      editGate(),
      presence,
      saveAcks({ whenStored: (room, connection) => store.whenStored(room, connection) }),
      submissionFreeze({ db: options.db, onThaw: (room) => server.announceLocally(room, { type: "status" }) }),
      store,
      clientRegistry({ db: options.db, log: options.log, batchMs: 500 }),
      ...fanOut,
      logging(options.log),
    ],
    log: options.log,
    // Twice the soft frame limit: past it ws drops the socket before buffering more.
    maxPayloadBytes: config.maxFrameBytes * 2,
    chunks: { maxUpdateBytes: config.maxDocumentBytes, maxNodeBytes: config.maxChunkBytesPerNode },
    roomGraceMs: options.roomGraceMs ?? 30_000,
    reauthorise: (identity) => reauthorise(options.db, identity),
    metrics: options.metrics,
  });
  return server;
}

export type { CollabServer } from "./collab-server";
