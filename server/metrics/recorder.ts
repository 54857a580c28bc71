/**
 * What the collaboration server and the job pool report, as plain calls. They know nothing of
 * Prometheus: server/metrics/prometheus.ts implements these when METRICS_ADDRESS is set, and
 * without it the no-op recorders below cost a function call. Counts that are already state
 * (rooms open, sockets, the job queue) are not reported here: the exporter reads them when
 * scraped (MetricsSources).
 */

/** Why a frame from a client was not applied; a small fixed set, so it can be a label. */
export type DropReason =
  /** An extension's onMessage hook refused it (its name: edit-gate, presence-guard, limits). */
  | "edit-gate"
  | "presence-guard"
  | "limits"
  /** Not a message type the server understands (or a forged draft event). */
  | "unknown"
  /** It did not decode (the socket is closed with 1007). */
  | "malformed"
  /** A piece of a large update that could not be put together (too large, server busy, bad piece). */
  | "chunk-too-large"
  | "chunk-busy"
  | "chunk-malformed"
  /** Any other extension that drops frames. */
  | "other";

export interface CollabMetrics {
  /** A sync update (or sync step 2) arrived from a client socket, before any extension saw it. */
  updateReceived(): void;
  /** An applied change was sent to `count` local sockets. */
  updatesDelivered(count: number): void;
  frameDropped(reason: DropReason): void;
  /** A batch of a draft's changes was stored, `seconds` after the first of them arrived. */
  saveLag(seconds: number): void;
}

export type JobOutcome = "done" | "failed" | "refused";

export interface JobMetrics {
  /** A job finished (or was refused at once because the queue was full). */
  jobFinished(kind: string, outcome: JobOutcome, seconds: number): void;
}

/** What the exporter reads on each scrape. */
export interface MetricsSources {
  rooms(): number;
  sockets(): number;
  jobs(): { queued: number; busy: number; workers: number };
}

export const noCollabMetrics: CollabMetrics = {
  updateReceived() {},
  updatesDelivered() {},
  frameDropped() {},
  saveLag() {},
};

export const noJobMetrics: JobMetrics = {
  jobFinished() {},
};
