// Preloaded (--import) into both servers under test: event-loop delay and GC pauses over the
// measuring window, server-side, so client-side noise cannot hide a server's stalls. The
// orchestrator sends SIGUSR2 at the window's start (reset) and end (write LOOP_PROBE_FILE).
// With LOOP_PROBE_PROFILE=<file> it also writes a CPU profile of the main thread over the window
// only (BENCH_CPU_PROF=window), without the boot, the setup and the unloads after the load.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const file = process.env.LOOP_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let gc = { count: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count += 1;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  let measuring = false;
  const profileFile = process.env.LOOP_PROBE_PROFILE;
  const session = profileFile ? new Session() : null;
  session?.connect();
  process.on("SIGUSR2", () => {
    if (session && !measuring) {
      session.post("Profiler.enable", () => session.post("Profiler.start"));
    } else if (session) {
      session.post("Profiler.stop", (error, result) => {
        if (!error) writeFileSync(profileFile, JSON.stringify(result.profile));
      });
    }
    if (measuring) {
      const ms = (ns) => ns / 1e6;
      writeFileSync(
        file,
        JSON.stringify({ p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), gc }),
      );
    }
    measuring = !measuring;
    delay.reset();
    gc = { count: 0, totalMs: 0, maxMs: 0 };
  });
}
