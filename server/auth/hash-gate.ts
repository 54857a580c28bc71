/**
 * At most `running` jobs at once, `waiting` more queued; beyond that a job is refused at once
 * rather than queued without end. Used for argon2id: each hash holds 19 MiB and a core for
 * tens of milliseconds, so a burst of sign-ups or sign-ins must wait its turn, and past a
 * bounded queue be told to come back, instead of exhausting the process's memory.
 */
export class HashGateBusy extends Error {
  override readonly name = "HashGateBusy";
  constructor(readonly retryAfterSeconds: number) {
    super("too many password checks at once");
  }
}

export class HashGate {
  #active = 0;
  #peak = 0;
  readonly #queue: Array<() => void> = [];

  constructor(
    readonly running: number,
    readonly waiting: number,
  ) {}

  /** Runs the job in its turn; throws HashGateBusy when the queue is full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.#active >= this.running) {
      if (this.#queue.length >= this.waiting) throw new HashGateBusy(RETRY_AFTER_SECONDS);
      // The slot is handed over by the job that finishes (release), so #active never overshoots.
      await new Promise<void>((turn) => this.#queue.push(turn));
    } else {
      this.#active++;
    }
    this.#peak = Math.max(this.#peak, this.#active);
    try {
      return await job();
    } finally {
      this.#release();
    }
  }

  #release(): void {
    const next = this.#queue.shift();
    if (next) next(); // the slot passes to the next job: #active stays the same
    else this.#active--;
  }

  /** Jobs running now, queued now, and the most ever running at once (for tests and metrics). */
  stats(): { active: number; queued: number; peak: number } {
    return { active: this.#active, queued: this.#queue.length, peak: this.#peak };
  }
}

/** A hash takes ~50 ms per core; a full queue drains within a few seconds. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Too many password hashes at once: answered as 503 with Retry-After by throwing a Response,
 * which Remix sends as it is from any loader or action, so every route that checks or sets a
 * password (sign-in, sign-up, password change, two-step off) says "busy, try again shortly"
 * without a branch of its own.
 */
export async function busyAsHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof HashGateBusy)) throw error;
    throw new Response("common.error.busy", {
      status: 503,
      headers: { "Retry-After": String(error.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
