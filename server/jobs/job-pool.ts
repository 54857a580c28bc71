import { Worker } from "node:worker_threads";
import { noJobMetrics, type JobMetrics } from "../metrics/recorder";
import { message, type Message, type MessageId, type MessageValues } from "../../core/i18n/message";
import { inEnglish } from "./in-english";
import { jobNoun } from "./job-noun";
import type { PoolJob, PoolResult } from "./pool-job";
import type { WorkerReply } from "./job-worker-main";

export interface JobPoolOptions {
  /** Worker threads; exports beyond this wait their turn. */
  size: number;
  /** A job taking longer is stopped (its worker is terminated and replaced). */
  timeoutMs: number;
  /** A larger file is refused rather than stored or sent. */
  maxOutputBytes: number;
  /** Jobs waiting for a worker beyond this are refused at once ("the server is busy"): a queue must not grow without end. */
  maxQueued?: number;
  /**
   * Each worker's JavaScript heap. A file crafted to make the reader hoard memory then stops its
   * own worker (which is replaced) instead of the whole server running out.
   */
  maxHeapMb?: number;
  /**
   * A worker idle this long exits; the next job starts a new one. Each worker is a V8 isolate with
   * the whole export and Word-reading module graph and a Typst compiler (tens of MB each), so a
   * server nobody exports from should not hold them (bench/memory.ts).
   */
  idleMs?: number;
  /** Where finished, failed and refused jobs are counted (server/metrics); nowhere by default. */
  metrics?: JobMetrics;
}

const DEFAULT_MAX_QUEUED = 32;
const DEFAULT_MAX_HEAP_MB = 1024;
const DEFAULT_IDLE_MS = 120_000;

/** Why a job (an export, or reading a Word file) failed, in words for the person who asked for it. */
export class JobFailed extends Error {
  override readonly name = "JobFailed";
  /** For the person: put into their language by the page. Error.message is it in English, for logs. */
  readonly reason: Message;
  constructor(reason: Message) {
    super(inEnglish(reason));
    this.reason = reason;
  }
}

/** A pool failure about one job, which the message names ("the import", "the export"). */
const failed = (id: MessageId, job: PoolJob | null, values: MessageValues = {}) => new JobFailed(message(id, { job: job ? jobNoun(job) : "job", ...values }));

/** How a caller runs one job: its own time bound, what it hears while the job runs, what it hands over. */
export interface RunOptions {
  /** Overrides the pool's bound for this job. */
  timeoutMs?: number;
  /**
   * What the job sends while it runs (a library import's progress, and its records in batches so
   * that no single message takes the main thread long to receive).
   */
  onEvent?: (event: unknown) => void;
  /** Buffers moved to the worker rather than copied (the caller must not use them afterwards). */
  transfer?: ArrayBuffer[];
}

interface Pending {
  job: PoolJob;
  timeoutMs: number;
  onEvent?: (event: unknown) => void;
  transfer: ArrayBuffer[];
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  /** performance.now() when it was asked for (queue wait included in its duration). */
  queuedAt: number;
}

interface Slot {
  worker: Worker;
  busy: { id: number; pending: Pending; timer: NodeJS.Timeout } | null;
  /** Set while the worker waits for work: it exits when this fires. */
  idleTimer: NodeJS.Timeout | null;
}

/**
 * The worker's entry. Compiled (build/node, decision 019): job-worker.js, bundled next to this
 * chunk. From source (`npm run dev`, tests): job-worker.mjs, which registers tsx first, as worker
 * threads do not inherit the parent's --import.
 */
const WORKER_ENTRY = import.meta.url.endsWith(".ts") ? new URL("./job-worker.mjs", import.meta.url) : new URL("./job-worker.js", import.meta.url);

// Values for messages, which write them in the reader's digits: "{size, number} MB", "{seconds, number} s".
const megabytes = (bytes: number) => (bytes < 1e6 ? Math.round(bytes / 100) / 1e4 : Math.round(bytes / 1e5) / 10);
const seconds = (ms: number) => Math.round(ms) / 1000;

/**
 * Exports, and reading uploaded Word files, run in worker threads so a compile or a parse never
 * stalls the event loop that serves sockets (docs/design.md §2). Workers start on first use and are
 * kept while work comes (a Typst compiler per worker keeps its fonts loaded), then exit after
 * `idleMs` without a job; a job past its time, or past its worker's heap, is stopped by
 * terminating its worker, which is replaced.
 */
export class JobPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly metrics: JobMetrics;

  constructor(private readonly options: JobPoolOptions) {
    this.metrics = options.metrics ?? noJobMetrics;
  }

  /** Jobs waiting for a worker, jobs running, and workers alive (for /metrics). */
  stats(): { queued: number; busy: number; workers: number } {
    return { queued: this.queue.length, busy: this.slots.filter((slot) => slot.busy).length, workers: this.slots.length };
  }

  /** Runs `job` on the next free worker (RunOptions: its own time bound, events, buffers to move). */
  run<J extends PoolJob>(job: J, { timeoutMs = this.options.timeoutMs, onEvent, transfer = [] }: RunOptions = {}): Promise<PoolResult<J>> {
    if (this.closed) return Promise.reject(failed("import.job.shuttingDown", job));
    if (this.queue.length >= (this.options.maxQueued ?? DEFAULT_MAX_QUEUED)) {
      this.metrics.jobFinished(jobNoun(job), "refused", 0);
      return Promise.reject(failed("import.job.busy", job));
    }
    return new Promise((resolve, reject) => {
      const queuedAt = performance.now();
      const finished = (outcome: "done" | "failed") => this.metrics.jobFinished(jobNoun(job), outcome, (performance.now() - queuedAt) / 1000);
      this.queue.push({
        job,
        timeoutMs,
        onEvent,
        transfer,
        queuedAt,
        resolve: (result) => {
          finished("done");
          (resolve as (result: unknown) => void)(result);
        },
        reject: (error) => {
          finished("failed");
          reject(error);
        },
      });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(failed("import.job.shuttingDown", pending.job));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
        return slot.worker.terminate();
      })
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.options.size ? this.spawn() : null);
      if (!slot) return;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      const timer = setTimeout(() => this.fail(slot, failed("import.job.timeout", pending.job, { seconds: seconds(pending.timeoutMs) })), pending.timeoutMs);
      slot.busy = { id, pending, timer };
      slot.worker.postMessage({ id, job: pending.job }, pending.transfer);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB } }), busy: null, idleTimer: null };
    // An idle worker must not keep the process alive (the server exits on its own schedule).
    slot.worker.unref();
    slot.worker.on("message", (reply: WorkerReply) => {
      const busy = slot.busy;
      if (!busy || busy.id !== reply.id) return;
      if ("event" in reply) {
        busy.pending.onEvent?.(reply.event);
        return;
      }
      clearTimeout(busy.timer);
      slot.busy = null;
      if (!reply.ok) busy.pending.reject(new JobFailed(reply.error));
      else if (reply.result instanceof Uint8Array && reply.result.byteLength > this.options.maxOutputBytes) {
        busy.pending.reject(
          new JobFailed(message("import.job.outputTooLarge", { size: megabytes(reply.result.byteLength), max: megabytes(this.options.maxOutputBytes) }))
        );
      } else busy.pending.resolve(reply.result);
      this.dispatch();
      if (!slot.busy) this.idle(slot);
    });
    // A worker that dies (out of memory, a native crash) fails its job and is replaced.
    slot.worker.on("error", (error: Error & { code?: string }) => {
      const job = slot.busy?.pending.job ?? null;
      this.fail(
        slot,
        error.code === "ERR_WORKER_OUT_OF_MEMORY" ? failed("import.job.outOfMemory", job) : failed("import.job.crashed", job, { detail: error.message })
      );
    });
    slot.worker.on("exit", (code) => {
      if (slot.busy) this.fail(slot, failed("import.job.exited", slot.busy.pending.job, { code }));
    });
    this.slots.push(slot);
    return slot;
  }

  /** A worker with nothing to do exits after idleMs unless a job reaches it first (dispatch clears the timer). */
  private idle(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = null;
      if (slot.busy) return;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
    }, this.options.idleMs ?? DEFAULT_IDLE_MS);
    slot.idleTimer.unref();
  }

  private fail(slot: Slot, error: JobFailed): void {
    const busy = slot.busy;
    slot.busy = null;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    if (busy) {
      clearTimeout(busy.timer);
      busy.pending.reject(error);
    }
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
