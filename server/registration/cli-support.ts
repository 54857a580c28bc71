import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { lockDataDir } from "../data-dir-lock";

/**
 * The database a command-line tool works on, as the server would open it. With PGlite the data
 * directory is locked first: while the server holds it the tool stops with the holder's pid
 * instead of corrupting it (PGlite has no cross-process locking).
 */
export async function openForCommandLine(): Promise<{ handle: DatabaseHandle; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || "./.data";
  let release: () => Promise<void> = async () => {};
  if (!url) {
    try {
      release = await lockDataDir(dataDir, { waitMs: 0 });
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    }
  }
  const handle = await openDatabase(url ? { databaseUrl: url } : { dataDir });
  await migrateToLatest(handle.db);
  return {
    handle,
    close: async () => {
      await handle.close();
      await release();
    },
  };
}

/** All of standard input (a password piped in), without the final line break. */
async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Reads a line from the terminal without showing what is typed (raw mode, no echo). */
function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = "";
    const done = (value: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (value === null) reject(new Error("cancelled"));
      else resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString("utf8")) {
        if (char === "\r" || char === "\n") return done(typed);
        if (char === "\u0003" || char === "\u0004") return done(null); // Ctrl-C, Ctrl-D
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on("data", onData);
  });
}

/** The password: prompted without echo on a terminal, else read from standard input (never an argument: shells keep history). */
export function readPassword(prompt: string): Promise<string> {
  return process.stdin.isTTY ? promptHidden(prompt) : readAllStdin();
}
