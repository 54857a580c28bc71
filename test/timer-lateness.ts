/**
 * How late this thread's timers run while something happens: a 1 ms timer re-armed each time it
 * fires, each firing's lateness recorded, and at stop the lateness of the one still waiting.
 * Unlike monitorEventLoopDelay, a loop blocked for the whole window (work that only ever yields
 * to promises, never to timers) still shows as one long delay instead of no samples at all.
 */
export function watchTimerLateness(): { stop(): { p99: number; max: number; samples: number } } {
  const lateness: number[] = [];
  let due = performance.now() + 1;
  const tick = () => {
    const now = performance.now();
    lateness.push(Math.max(0, now - due));
    due = now + 1;
    timer = setTimeout(tick, 1);
  };
  let timer = setTimeout(tick, 1);
  return {
    stop() {
      clearTimeout(timer);
      lateness.push(Math.max(0, performance.now() - due));
      const sorted = lateness.sort((a, b) => a - b);
      return { p99: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!, max: sorted.at(-1)!, samples: sorted.length };
    },
  };
}
