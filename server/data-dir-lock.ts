import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * PGlite has no cross-process locking: two processes on one data directory corrupt it.
 * A pid file makes the second one stop with a clear message instead.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, "caucus.pid");
  const holder = await readFile(path, "utf8").then(Number, () => 0);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(`${dataDir} is in use by process ${holder}; stop it or set another DATA_DIR.`);
  }
  await writeFile(path, String(process.pid));
  return () => rm(path, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
