import { existsSync, readFileSync } from "node:fs";
import { link, mkdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Who holds the directory: a pid, and when that process started (null where /proc is missing, or in a pid file from before start times were kept). */
interface Holder {
  pid: number;
  startTime: number | null;
}

export interface LockOptions {
  /**
   * How long to wait for a holder that still looks alive. A process killed with -9 takes a moment
   * to exit (tearing down a large heap), and a restart that comes right after must not fail.
   */
  waitMs?: number;
}

const DEFAULT_WAIT_MS = 5000;
const POLL_MS = 100;
const HAS_PROC = existsSync("/proc/self/stat");

/**
 * PGlite has no cross-process locking: two processes on one data directory corrupt it. A pid
 * file (pid and start time) makes the second one stop with a clear message instead; a holder
 * that is gone, a zombie, or whose pid now names another process does not count.
 */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, "caucus.pid");
  const record = JSON.stringify({ pid: process.pid, startTime: startTimeOf(process.pid) } satisfies Holder);
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  for (;;) {
    if (await createWith(path, record)) break;
    const text = await readFile(path, "utf8").catch(() => "");
    const holder = parseHolder(text);
    if (!holder || holder.pid === process.pid || !isRunning(holder)) {
      await removeIfUnchanged(path, text);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${dataDir} is in use by process ${holder.pid}, still running; stop it or set another DATA_DIR.`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return async () => {
    // Only our own file: if a later process took over (it found us gone), its lock stays.
    if ((await readFile(path, "utf8").catch(() => null)) === record) await rm(path, { force: true });
  };
}

/**
 * Creates the pid file with its content in one step (written aside, then hard-linked into
 * place, which fails if it exists), so no other process ever reads it empty.
 */
async function createWith(path: string, record: string): Promise<boolean> {
  const aside = `${path}.${process.pid}.tmp`;
  await writeFile(aside, record);
  try {
    await link(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await rm(aside, { force: true });
  }
}

/**
 * Removes a dead holder's file, unless it changed since it was read. Two processes that both find
 * the same dead holder can still race (the later unlink removing the earlier one's new file);
 * a supervisor starts one process at a time, so that window is accepted rather than locked.
 */
async function removeIfUnchanged(path: string, text: string): Promise<void> {
  if ((await readFile(path, "utf8").catch(() => null)) !== text) return;
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    // Gone already is fine; anything else (permissions) would otherwise retry forever.
    if (error.code !== "ENOENT") throw error;
  });
}

/** The holder in a pid file: our JSON, or the bare pid earlier versions wrote. */
function parseHolder(text: string): Holder | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), startTime: null };
  try {
    const parsed = JSON.parse(trimmed) as Partial<Holder>;
    if (!Number.isInteger(parsed.pid) || parsed.pid! <= 0) return null;
    return { pid: parsed.pid!, startTime: typeof parsed.startTime === "number" ? parsed.startTime : null };
  } catch {
    return null;
  }
}

/** /proc/<pid>/stat: the process state (field 3) and start time in clock ticks since boot (field 22). */
function procStat(pid: number): { state: string; startTime: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may itself contain spaces or ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0]!, startTime: Number(fields[19]) };
  } catch {
    return null;
  }
}

function startTimeOf(pid: number): number | null {
  return HAS_PROC ? (procStat(pid)?.startTime ?? null) : null;
}

/**
 * Whether the holder is still a running process. `kill(pid, 0)` alone answers yes for a zombie
 * (killed, not yet reaped by its parent) and for whatever process reused the pid since.
 */
function isRunning(holder: Holder): boolean {
  if (!HAS_PROC) return signalReaches(holder.pid);
  const stat = procStat(holder.pid);
  if (!stat) return false;
  // Z: zombie, X/x: dead — the process has exited; only its table entry is left.
  if (stat.state === "Z" || stat.state === "X" || stat.state === "x") return false;
  return holder.startTime === null || holder.startTime === stat.startTime;
}

function signalReaches(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
