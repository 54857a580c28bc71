import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockDataDir } from "./data-dir-lock";

const HOLDER = ["--import", "tsx", "test/fixtures/data-dir-holder.ts"];

/** The state letter in /proc/<pid>/stat (R, S, Z, …), or null once the process is gone. */
function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0]!;
  } catch {
    return null;
  }
}

describe.runIf(process.platform === "linux")("the data-dir lock, with real processes", () => {
  let dir = "";
  const started: ChildProcess[] = [];

  /**
   * A process that holds the lock on `dir`. With `unreaped`, its parent is a shell that exec'd
   * `sleep` and never waits for children: killed, the holder stays a zombie, as when a supervisor
   * has not reaped a crashed server yet.
   */
  async function startHolder(unreaped = false): Promise<{ pid: number; parent: ChildProcess }> {
    const child = unreaped
      ? spawn("sh", ["-c", '"$0" "$@" & exec sleep 60', process.execPath, ...HOLDER, dir], { stdio: ["ignore", "pipe", "inherit"] })
      : spawn(process.execPath, [...HOLDER, dir], { stdio: ["ignore", "pipe", "inherit"] });
    started.push(child);
    const pid = await new Promise<number>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => {
        const match = /^locked (\d+)$/.exec(line);
        if (match) resolve(Number(match[1]));
      });
      child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
    });
    return { pid, parent: child };
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "caucus-lock-"));
  });
  afterEach(async () => {
    for (const child of started.splice(0)) child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses while another live process holds the directory, naming it", async () => {
    const holder = await startHolder();
    await expect(lockDataDir(dir, { waitMs: 300 })).rejects.toThrow(`${dir} is in use by process ${holder.pid}`);
  });

  it("takes the lock at once from a holder killed with -9 and not yet reaped, or whose pid was reused", async () => {
    const holder = await startHolder(true);
    process.kill(holder.pid, "SIGKILL");
    for (let i = 0; i < 100 && procState(holder.pid) !== "Z"; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(procState(holder.pid)).toBe("Z");
    // What misled the old lock: a zombie still answers signal 0.
    expect(() => process.kill(holder.pid, 0)).not.toThrow();
    const before = performance.now();
    const release = await lockDataDir(dir, { waitMs: 0 });
    expect(performance.now() - before).toBeLessThan(500);
    await release();

    // A pid file naming a live process that started at another time than the recorded holder.
    await writeFile(join(dir, "caucus.pid"), JSON.stringify({ pid: holder.parent.pid, startTime: 1 }));
    await (await lockDataDir(dir, { waitMs: 0 }))();
  });

  it("waits for a holder that is still exiting, then takes the lock", async () => {
    const holder = await startHolder();
    setTimeout(() => holder.parent.kill("SIGKILL"), 300);
    const release = await lockDataDir(dir, { waitMs: 5000 });
    expect(readFileSync(join(dir, "caucus.pid"), "utf8")).toContain(`"pid":${process.pid}`);
    await release();
  });
});
