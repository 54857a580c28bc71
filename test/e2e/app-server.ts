import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface RunningServer {
  url: string;
  logs: string[];
  /** SIGTERM, then the exit code: graceful shutdown must end with 0. */
  stop(): Promise<number | null>;
}

/**
 * Starts the real server (`server/index.ts`, production build) on a free port over a fresh
 * PGlite directory, exactly as `npm start` would after building.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  // A caller-supplied DATA_DIR is theirs to keep (benchmarks reopen it); ours is removed on stop.
  const ownDir = !env.DATA_DIR;
  const dataDir = env.DATA_DIR ?? (await mkdtemp(join(tmpdir(), "caucus-e2e-")));
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["server/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "", ...env, DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => logs.push(line));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join("\n")}`)), 60_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      logs.push(line);
      const entry = JSON.parse(line) as { message?: string; port?: number };
      if (entry.message === "listening") {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${entry.port}`);
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${logs.join("\n")}`)));
  });
  return {
    url,
    logs,
    async stop() {
      child.kill("SIGTERM");
      const code = await exited;
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
