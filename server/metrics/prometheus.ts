import type { CollabMetrics, DropReason, JobMetrics, MetricsSources } from "./recorder";

export interface PrometheusMetrics {
  readonly collab: CollabMetrics;
  readonly jobs: JobMetrics;
  /** Tells the gauges where to read rooms, sockets and the job pool (once both exist). */
  watch(sources: MetricsSources): void;
  /** The exposition text for one scrape. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/**
 * Every metric Caucus exports, in one registry of its own (nothing global, so tests can build
 * several). Node's defaults come with it: CPU, resident memory, heap by space, GC pauses, and
 * event-loop delay (nodejs_eventloop_lag_*: p50/p90/p99/max from monitorEventLoopDelay).
 * prom-client is imported here, on first use, so no bundling of the server can make a server
 * without METRICS_ADDRESS load it.
 */
export async function createPrometheusMetrics(): Promise<PrometheusMetrics> {
  const { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = await import("prom-client");
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  let sources: MetricsSources | null = null;

  new Gauge({
    name: "caucus_collab_rooms_open",
    help: "Drafts open in this node's memory (a room per draft being edited, or in its grace period).",
    registers: [registry],
    collect() {
      if (sources) this.set(sources.rooms());
    },
  });
  new Gauge({
    name: "caucus_collab_sockets_open",
    help: "Collaboration WebSockets open on this node.",
    registers: [registry],
    collect() {
      if (sources) this.set(sources.sockets());
    },
  });
  const received = new Counter({
    name: "caucus_collab_updates_received_total",
    help: "Document updates (sync updates and sync step 2) received from client sockets, before any check.",
    registers: [registry],
  });
  const delivered = new Counter({
    name: "caucus_collab_updates_delivered_total",
    help: "Applied document changes sent to local sockets (one per receiving socket).",
    registers: [registry],
  });
  const dropped = new Counter({
    name: "caucus_collab_frames_dropped_total",
    help: "Frames from clients that were not applied, by reason (edit-gate: read-only or frozen draft; presence-guard; limits; unknown; malformed; chunk-*).",
    labelNames: ["reason"],
    registers: [registry],
  });
  const saveLag = new Histogram({
    name: "caucus_collab_save_lag_seconds",
    help: "Time from a draft's first unsaved change to the database write that stored it.",
    buckets: [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const jobsGauge = (name: string, help: string, read: (stats: ReturnType<MetricsSources["jobs"]>) => number): unknown =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        if (sources) this.set(read(sources.jobs()));
      },
    });
  jobsGauge("caucus_jobs_queued", "Exports and Word files waiting for a worker thread.", (s) => s.queued);
  jobsGauge("caucus_jobs_busy_workers", "Worker threads running a job.", (s) => s.busy);
  jobsGauge("caucus_jobs_workers", "Worker threads alive (idle ones exit after a while).", (s) => s.workers);
  const jobsFinished = new Counter({
    name: "caucus_jobs_finished_total",
    help: "Jobs (export, check, import) by outcome: done, failed, or refused because the queue was full.",
    labelNames: ["kind", "outcome"],
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: "caucus_job_duration_seconds",
    help: "Time from asking for a job to its result, queue wait included.",
    labelNames: ["kind"],
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60],
    registers: [registry],
  });

  return {
    collab: {
      updateReceived: () => received.inc(),
      updatesDelivered: (count) => {
        if (count > 0) delivered.inc(count);
      },
      frameDropped: (reason: DropReason) => dropped.inc({ reason }),
      saveLag: (seconds) => saveLag.observe(seconds),
    },
    jobs: {
      jobFinished(kind, outcome, seconds) {
        jobsFinished.inc({ kind, outcome });
        if (outcome !== "refused") jobSeconds.observe({ kind }, seconds);
      },
    },
    watch(next) {
      sources = next;
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
