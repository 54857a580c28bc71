import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { freePort } from "../../test/app-server";

export interface ServerUnderTest {
  name: "caucus" | "reference";
  pid: number;
  /** Parsed JSON log lines (Caucus only; LOG_LEVEL=debug in env to get first-sync timings). */
  logs: Array<Record<string, unknown>>;
  wsUrl: string;
  origin: string;
  /** Where loop-probe.mjs writes the window's event-loop delay and GC pauses (see readProbe). */
  probeFile: string;
  stop(): Promise<void>;
}

export interface ProbeResult {
  p50: number;
  p99: number;
  max: number;
  gc: { count: number; totalMs: number; maxMs: number };
}

/** Both servers preload the probe; SIGUSR2 starts and ends its window. */
const PROBE = ["--import", "./bench/collab/loop-probe.mjs"];

function probeFileFor(name: string): string {
  return join(tmpdir(), `caucus-probe-${name}-${process.pid}-${Date.now()}.json`);
}

/** Starts (first call) or ends (second call) the server's probe window. */
export function signalProbe(server: ServerUnderTest): void {
  process.kill(server.pid, "SIGUSR2");
}

export async function readProbe(server: ServerUnderTest): Promise<ProbeResult | null> {
  // Up to 10 s: a server seconds behind on its queue handles the window's closing signal late.
  for (let i = 0; i < 200; i++) {
    try {
      return JSON.parse(await readFile(server.probeFile, "utf8")) as ProbeResult;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return null;
}

const CLK_TCK = 100;

/** CPU time (user + system) a process has used, in microseconds, from /proc. */
export function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // After "pid (comm) ", utime and stime are the 12th and 13th fields.
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLK_TCK;
}

export function rssKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line?.match(/\d+/)?.[0] ?? 0);
}

/** Runs a command pinned to one core (taskset execs it, so the pid is the program's own). */
function pinned(core: number, args: string[], env: Record<string, string>): ChildProcess {
  return spawn("taskset", ["-c", String(core), process.execPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function waitForLine(child: ChildProcess, match: (line: string) => boolean, what: string): Promise<string> {
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${lines.join("\n")}`)), 60_000);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on("line", (line) => {
        lines.push(line);
        if (match(line)) {
          clearTimeout(timer);
          resolve(line);
        }
      });
    }
    child.once("exit", (code) => reject(new Error(`${what} exited with ${code}:\n${lines.join("\n")}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
}

/** Caucus itself, production build, auth and persistence on, pinned to core 0. */
export async function startCaucus(env: Record<string, string>): Promise<ServerUnderTest> {
  const port = await freePort();
  // BENCH_CPU_PROF=1 writes V8 CPU profiles of the server's threads to bench/.profiles/ on exit;
  // BENCH_CPU_PROF=window one of its main thread over the measuring window only (loop-probe.mjs).
  const profileMode = process.env.BENCH_CPU_PROF;
  let profile: string[] = [];
  let windowProfile: Record<string, string> = {};
  if (profileMode === "window") {
    mkdirSync("bench/.profiles", { recursive: true });
    windowProfile = { LOOP_PROBE_PROFILE: `bench/.profiles/window-${Date.now()}.cpuprofile` };
  } else if (profileMode) profile = ["--cpu-prof", "--cpu-prof-dir=bench/.profiles"];
  // BENCH_NODE_FLAGS passes V8 flags to the server (e.g. "--max-semi-space-size=32").
  const flags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const probeFile = probeFileFor("caucus");
  // The compiled server, as `npm start` runs it (decision 019); CAUCUS_UNDER_TSX=1 runs the
  // sources through tsx instead, as production did before.
  const entry = process.env.CAUCUS_UNDER_TSX ? ["--import", "tsx", "server/index.ts"] : ["build/node/index.js"];
  const child = pinned(0, [...flags, ...profile, ...PROBE, ...entry], {
    LOOP_PROBE_FILE: probeFile,
    ...windowProfile,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    DATABASE_URL: "",
    REDIS_URL: "",
    ...env,
  });
  const logs: Array<Record<string, unknown>> = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // Not a log line.
    }
  });
  child.stderr!.resume();
  // At warn level nothing is printed on start: poll the health check instead.
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`caucus exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name: "caucus", pid: child.pid!, logs, wsUrl: `ws://127.0.0.1:${port}/collab`, origin: `http://127.0.0.1:${port}`, probeFile, stop: stopper(child) };
}

/** y-websocket@2's bundled server: no auth, in memory. Its own process, pinned to core 0. */
export async function startReference(): Promise<ServerUnderTest> {
  const port = await freePort();
  // REFERENCE_UNDER_TSX=1 runs it with our loader too, to rule the runtime in or out of a comparison.
  const loader = process.env.REFERENCE_UNDER_TSX ? ["--import", "tsx"] : [];
  const probeFile = probeFileFor("reference");
  const child = pinned(0, [...PROBE, ...loader, "node_modules/y-websocket-reference/bin/server.cjs"], {
    HOST: "127.0.0.1",
    PORT: String(port),
    LOOP_PROBE_FILE: probeFile,
  });
  await waitForLine(child, (line) => line.includes("running at"), "reference server");
  return { name: "reference", pid: child.pid!, logs: [], wsUrl: `ws://127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, probeFile, stop: stopper(child) };
}
