import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface RunningServer {
  url: string;
  /** The folder the server writes its mail into (MAIL_OUTBOX_DIR): sign-up links, invitations. */
  outbox: string;
  /** The server's process id (to read its memory from /proc). */
  pid: number;
  logs: string[];
  /** SIGTERM, then the exit code: graceful shutdown must end with 0. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown, no flush — a crash. */
  kill(): Promise<void>;
}

/** A port that was free a moment ago, for a server that must come back on the same one. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Each running server's outbox by its URL, so a browser flow finds the mail its page asked for. */
const outboxes = new Map<string, string>();

/** The outbox of the server a page is on (by its origin). */
export function outboxOf(origin: string): string {
  // A passkey test reaches the server as localhost (WebAuthn refuses IP addresses): the same server.
  const dir = outboxes.get(origin) ?? outboxes.get(origin.replace("//localhost:", "//127.0.0.1:"));
  if (!dir) throw new Error(`no server started by startServer at ${origin}`);
  return dir;
}

/** The compiled server (decision 019): what `npm start` runs. */
const SERVER_ENTRY = "build/node/index.js";

/**
 * Starts the real server (the compiled build/node/index.js and the Remix production build) on a
 * free port over a fresh PGlite directory, exactly as `npm start` would after building. Vitest's
 * global setup rebuilds the server side when its sources changed; the Remix half is `npm run build`'s.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  // A caller-supplied DATA_DIR is theirs to keep (benchmarks reopen it); ours is removed on stop.
  const ownDir = !env.DATA_DIR;
  const dataDir = env.DATA_DIR ?? (await mkdtemp(join(tmpdir(), "caucus-e2e-")));
  if (!existsSync(SERVER_ENTRY)) throw new Error(`no ${SERVER_ENTRY}: run \`npm run build\` first`);
  // Browser suites sign many people up: open sign-up, its mail written to a folder the flows read
  // (test/e2e/flows.ts signUp). A caller may still ask for SIGNUP=invitation.
  const ownOutbox = !env.MAIL_OUTBOX_DIR;
  const outbox = env.MAIL_OUTBOX_DIR ?? (await mkdtemp(join(tmpdir(), "caucus-outbox-")));
  // One process (no npm or shell wrapper), so a signal reaches the server itself, SIGKILL included.
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "", REDIS_URL: "", SMTP_URL: "", SIGNUP: "open", ...env, MAIL_OUTBOX_DIR: outbox, DATA_DIR: dataDir },
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
  outboxes.set(url, outbox);
  const forget = async () => {
    outboxes.delete(url);
    if (ownOutbox) await rm(outbox, { recursive: true, force: true });
  };
  return {
    url,
    outbox,
    pid: child.pid!,
    logs,
    async stop() {
      child.kill("SIGTERM");
      const code = await exited;
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
      await forget();
      return code;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
      await forget();
    },
  };
}
