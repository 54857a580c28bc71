import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkerConfig, WorkerMessage } from "./load-worker";
import type { ReceiverMode } from "./receivers";

export interface LoadWorkers {
  processes: ChildProcess[];
  /** Starts typing at `startAt`; resolves with every worker's result. */
  run(startAt: number, warmupMs: number, durationMs: number): Promise<Array<Extract<WorkerMessage, { type: "result" }>>>;
  stop(): Promise<void>;
}

/** One server (url + origin), or several nodes that each client names by index. */
export type LoadTarget = ({ url: string; origin: string } | { servers: WorkerConfig["servers"] }) & {
  editsPerSecond: number;
  /** "full" (default) applies every update; "light" only times its arrival (receivers.ts). */
  receivers?: ReceiverMode;
};

/** A bench worker script in its own process on core 1 (the servers have core 0), config as a JSON file. */
export async function spawnPinnedWorker(script: string, config: unknown): Promise<ChildProcess> {
  const dir = await mkdtemp(join(tmpdir(), "caucus-load-"));
  const path = join(dir, "config.json");
  await writeFile(path, JSON.stringify(config));
  // BENCH_WORKER_FLAGS passes Node flags to the load generators (e.g. "--cpu-prof --cpu-prof-dir=bench/.profiles").
  const flags = (process.env.BENCH_WORKER_FLAGS ?? "").split(" ").filter(Boolean);
  return spawn("taskset", ["-c", "1", process.execPath, ...flags, "--import", "tsx", script, path], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** Spreads clients over `count` worker processes on core 1 and waits until all have synced. */
export async function startWorkers(
  count: number,
  target: LoadTarget,
  clients: Array<Omit<WorkerConfig["clients"][number], "server"> & { server?: number }>,
): Promise<LoadWorkers> {
  const servers = "servers" in target ? target.servers : [{ url: target.url, origin: target.origin }];
  const processes: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  for (let w = 0; w < count; w++) {
    const mine = clients.filter((_, i) => i % count === w).map((c) => ({ ...c, server: c.server ?? 0 }));
    const config: WorkerConfig = { servers, clients: mine, editsPerSecond: target.editsPerSecond, receivers: target.receivers ?? "full" };
    const child = await spawnPinnedWorker("bench/collab/load-worker.ts", config);
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
