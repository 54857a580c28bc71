import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkerConfig, WorkerMessage } from "./load-worker";

export interface LoadWorkers {
  processes: ChildProcess[];
  /** Starts typing at `startAt`; resolves with every worker's result. */
  run(startAt: number, warmupMs: number, durationMs: number): Promise<Array<Extract<WorkerMessage, { type: "result" }>>>;
  stop(): Promise<void>;
}

/** Spreads clients over `count` worker processes on core 1 and waits until all have synced. */
export async function startWorkers(
  count: number,
  base: Omit<WorkerConfig, "clients">,
  clients: WorkerConfig["clients"],
): Promise<LoadWorkers> {
  const dir = await mkdtemp(join(tmpdir(), "caucus-load-"));
  const processes: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  for (let w = 0; w < count; w++) {
    const mine = clients.filter((_, i) => i % count === w);
    const path = join(dir, `worker-${w}.json`);
    await writeFile(path, JSON.stringify({ ...base, clients: mine } satisfies WorkerConfig));
    const child = spawn("taskset", ["-c", "1", process.execPath, "--import", "tsx", "bench/collab/load-worker.ts", path], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    processes.push(child);
    ready.push(
      new Promise((resolve, reject) => {
        child.once("message", (m: WorkerMessage) => (m.type === "ready" ? resolve() : reject(new Error("unexpected message"))));
        child.once("exit", (code) => reject(new Error(`load worker exited with ${code}`)));
      }),
    );
  }
  await Promise.all(ready);
  return {
    processes,
    run: (startAt, warmupMs, durationMs) =>
      Promise.all(
        processes.map(
          (child) =>
            new Promise<Extract<WorkerMessage, { type: "result" }>>((resolve) => {
              child.once("message", (m: WorkerMessage) => {
                if (m.type === "result") resolve(m);
              });
              child.send({ type: "start", startAt, warmupMs, durationMs });
            }),
        ),
      ),
    async stop() {
      await Promise.all(
        processes.map((child) => {
          if (child.exitCode !== null) return Promise.resolve();
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.send({ type: "stop" });
          return exited;
        }),
      );
    },
  };
}
