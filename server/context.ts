import type { DraftEvent } from "../core/collab/draft-events";
import type { RevalidationFilter } from "./collab/types";
import type { PoolJob, PoolResult } from "./jobs/pool-job";
import type { RunOptions } from "./jobs/job-pool";
import type { Services } from "./services";

/** What HTTP routes may ask of the collaboration server. */
export interface CollabControl {
  /** Closes, on every node, the sockets whose access the change reduced (within a second). */
  revalidate(filter: RevalidationFilter): Promise<void>;
  /**
   * Tells every open socket on the draft, on every node, that something outside the Y.Doc
   * changed (a comment thread, the status): their browsers fetch it again. Never throws; a lost
   * event only delays what the next fetch shows.
   */
  announce(draftId: string, event: DraftEvent): void;
  /**
   * Brings the draft's room on every node in line with what is stored (a submission's hold, its
   * outcome) and stores what the rooms hold: after it, the database reads as people see the
   * draft. Rejects when a node did not answer in time (CollabServer.settle).
   */
  settle(draftId: string): Promise<void>;
  /** A change the server stored itself (a restore) reaches every node's open room and its sockets. */
  applyStoredChange(draftId: string, update: Uint8Array): void;
}

/** Renders exports and reads uploaded Word files off the event loop (server/jobs/job-pool.ts). */
export interface JobRunner {
  run<J extends PoolJob>(job: J, options?: RunOptions): Promise<PoolResult<J>>;
}

/** What the server hands every Remix loader and action (typed as AppLoadContext in app/). */
// A type alias, not an interface: Remix's AppLoadContext has an index signature that only
// object type aliases satisfy implicitly.
export type RequestContext = {
  /** Every use case (server/services.ts); routes call these rather than importing server/ or db/. */
  services: Services;
  /** The client's address (behind a proxy only when TRUST_PROXY is set); for rate limiting. */
  clientIp: string;
  /** Public origin from ORIGIN, or undefined to use the request's own. */
  publicOrigin: string | undefined;
  /** This response's Content-Security-Policy nonce (server/http/security-headers.ts); Remix's scripts carry it. */
  cspNonce?: string;
};
