import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportStreamLine } from "../../core/library/import-types";
import { createTranslator } from "../../core/i18n/translator";
import { openDatabase, openPGlite } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { startServer, type RunningServer } from "../app-server";
import { buildWorkspace } from "../factories";
import { xlsxBomb } from "../zip-bomb";

/**
 * The hostile files of issue 22's attack, sent to the real server (the compiled build, as
 * `npm start` runs it): each is refused clearly and writes nothing, while /healthz, polled every
 * 20 ms, keeps answering in under 100 ms, because the file is read in the job pool and not in the
 * thread that answers. Needs `npm run build` (the Remix half; Vitest rebuilds the server half).
 */

const english = createTranslator("en", UI_CATALOGUES.en);
const MB = 1024 * 1024;
/** The bound /healthz must answer within while a hostile file is read (issue 22). */
const HEALTHZ_MAX_MS = 100;
/**
 * What the server's main thread may spend on each file (receiving the upload, handing it to the
 * pool, answering the polls). Reading the files there instead cost it seconds (issue 22: the CSV
 * held /healthz 3.5 s, the workbook 25 s).
 */
const MAIN_CPU_MS = { bomb: 600, rows: 1000, small: 300 };

type World = Awaited<ReturnType<typeof buildWorkspace>>;

describe("hostile library files against the real server", () => {
  let dataDir = "";
  let server: RunningServer;
  let target: World;
  let warmUp: World;
  let cpuPerPollMs = 0;
  const files: Record<"bomb" | "rows" | "deep" | "ris", File> = {} as never;

  beforeAll(async () => {
    // The server process will own the directory; prepare it first, then let go.
    dataDir = await mkdtemp(join(tmpdir(), "caucus-hostile-"));
    const handle = await openDatabase({ pglite: await openPGlite(dataDir) });
    await migrateToLatest(handle.db);
    target = await buildWorkspace(handle);
    warmUp = await buildWorkspace(handle);
    await handle.close();
    server = await startServer({ DATA_DIR: dataDir });

    // Every file is made before any clock starts: the poller must measure the server, not us.
    const bomb = await xlsxBomb(1300);
    expect(bomb.length).toBeLessThan(7 * MB); // ~6 MB that claims 1 KB of shared strings and unpacks to 1.3 GB
    files.bomb = new File([bomb], "recommendations.xlsx");
    const rows = ["Text,Document Symbol,Countries Concerned,Reccomending Body"];
    for (let i = 0; i < 250_000; i++) rows.push(`Ratify the Optional Protocol number ${i},A/HRC/25/5,China,- UPR`);
    files.rows = new File([rows.join("\n")], "recommendations.csv");
    expect(files.rows.size).toBeGreaterThan(13 * MB);
    files.deep = new File([`${"[".repeat(50_000)}${"]".repeat(50_000)}`], "sources.json");
    files.ris = new File(
      [["TY  - RPRT", "TI  - A whole record", "ER  - ", "", "TY  - RPRT", "TI  - A partial record", "AU - Broken tag", "PY  - 2020"].join("\n")],
      "sources.ris"
    );
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** A multipart post to the streaming import endpoint, as the library page sends it; the NDJSON lines back. */
  async function post(world: World, fields: Record<string, string>, file: File): Promise<{ status: number; lines: ImportStreamLine[] }> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    form.set("file", file);
    const response = await fetch(`${server.url}/workspaces/${world.workspace.id}/library/import.ndjson`, {
      method: "POST",
      headers: { origin: server.url, cookie: `caucus_session=${world.members.owner.token}` },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, lines: text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as ImportStreamLine) };
  }

  /** Runs `work` while polling /healthz every ~20 ms; the slowest answer, and how many there were. */
  async function watchingHealth<T>(work: () => Promise<T>): Promise<{ result: T; slowestMs: number; polls: number; mainCpuMs: number }> {
    const cpuBefore = await mainThreadCpuMs();
    let done = false;
    const times: number[] = [];
    const poller = (async () => {
      while (!done) {
        const started = performance.now();
        const response = await fetch(`${server.url}/healthz`);
        await response.arrayBuffer();
        expect(response.status).toBe(200);
        times.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      const result = await work();
      done = true;
      await poller;
      // The main thread also answered every poll (each a database round trip): what it spent is counted with them.
      return { result, slowestMs: Math.max(...times), polls: times.length, mainCpuMs: (await mainThreadCpuMs()) - cpuBefore };
    } finally {
      done = true;
      await poller;
    }
  }

  /** CPU time the server's main thread (its thread id is the process id) has used, in ms, from /proc. */
  async function mainThreadCpuMs(): Promise<number> {
    const stat = await readFile(`/proc/${server.pid}/task/${server.pid}/stat`, "utf8");
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th there, in clock ticks (100 a second).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** kB → bytes, from /proc/<pid>/status (VmRSS: now; VmHWM: the peak since it was last reset). */
  async function memory(): Promise<{ rss: number; peak: number }> {
    const status = await readFile(`/proc/${server.pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)![1]) * 1024;
    return { rss: field("VmRSS"), peak: field("VmHWM") };
  }

  /**
   * The server stayed responsive while it took the file: /healthz under 100 ms on a machine that
   * is not oversubscribed (a helper's machine can run at load 15 on 2 cores, where any process
   * waits for the CPU), and, whatever the load, its main thread spent little CPU: reading the file
   * happened in the pool. A 250,000-row CSV parsed in the main thread costs it seconds.
   */
  function expectResponsive(label: string, watched: { slowestMs: number; polls: number; mainCpuMs: number }, maxMainCpuMs: number): void {
    const load = loadavg()[0]!;
    const oversubscribed = load > availableParallelism();
    const importCpuMs = Math.round(watched.mainCpuMs - watched.polls * cpuPerPollMs);
    console.log(
      `${label}: /healthz slowest ${watched.slowestMs.toFixed(1)} ms over ${watched.polls} polls; main thread CPU ${watched.mainCpuMs} ms, ~${importCpuMs} ms of it the import's; load ${load.toFixed(1)}${oversubscribed ? " (oversubscribed: the 100 ms bound is not asserted)" : ""}`
    );
    expect(importCpuMs).toBeLessThan(maxMainCpuMs);
    if (!oversubscribed) expect(watched.slowestMs).toBeLessThan(HEALTHZ_MAX_MS);
  }

  const lastLine = (lines: ImportStreamLine[]) => lines.at(-1)!;
  const said = (line: ImportStreamLine) => (line.type === "error" ? english.text(line.message) : JSON.stringify(line));

  it("reads an ordinary workbook in the pool first (the worker and ExcelJS are then loaded: the baseline)", async () => {
    const fixture = await readFile(new URL("../fixtures/library/uhri-export.xlsx", import.meta.url));
    const { status, lines } = await post(warmUp, { intent: "import" }, new File([fixture], "uhri-export.xlsx"));
    expect([status, lastLine(lines).type]).toEqual([200, "result"]);
    // What one poll costs the main thread on its own (a database round trip), to tell it apart from the import's share.
    const idle = await watchingHealth(() => new Promise((resolve) => setTimeout(resolve, 2000)));
    cpuPerPollMs = idle.mainCpuMs / idle.polls;
  });

  it("refuses the xlsx bomb from the bytes it inflates, within a bounded memory, and keeps /healthz fast", async () => {
    // Reset the peak so it measures this import alone (Linux: 5 → clear_refs resets VmHWM).
    await writeFile(`/proc/${server.pid}/clear_refs`, "5");
    const before = await memory();
    const started = performance.now();
    const watched = await watchingHealth(() => post(target, { intent: "import" }, files.bomb));
    const { result } = watched;
    const after = await memory();
    const seconds = (performance.now() - started) / 1000;
    const line = lastLine(result.lines);
    expect(line).toMatchObject({ type: "error", status: 422 });
    expect(said(line)).toBe("This spreadsheet unpacks to more than 96 MB, more than Caucus reads from one workbook; save it as CSV (up to 100 MB) or split it.");
    // Before the fix the server grew by 1.8 GB for 25 s. Now a part inflates to at most its 96 MB
    // bound before it is refused, beside two copies of the 6 MB upload (the form, the worker's):
    // the peak may rise by that and the garbage the request leaves, never by the 1.3 GB.
    const grewMb = (after.peak - before.rss) / MB;
    console.log(`xlsx bomb: refused in ${seconds.toFixed(2)} s; VmRSS ${(before.rss / MB).toFixed(0)} MB before, peak ${(after.peak / MB).toFixed(0)} MB (+${grewMb.toFixed(0)} MB)`);
    expect(grewMb).toBeLessThan(256);
    expectResponsive("xlsx bomb", watched, MAIN_CPU_MS.bomb);
  }, 120_000);

  it("refuses a 250,000-row CSV past the row bound, read in the pool while /healthz stays fast", async () => {
    const watched = await watchingHealth(() => post(target, { intent: "import" }, files.rows));
    const { result } = watched;
    const line = lastLine(result.lines);
    expect(line).toMatchObject({ type: "error", status: 400 });
    expect(said(line)).toBe("The file has more than 200,000 rows; split it and import the parts.");
    expect(watched.polls).toBeGreaterThan(3);
    expectResponsive(`250,000-row CSV (${(files.rows.size / MB).toFixed(1)} MB)`, watched, MAIN_CPU_MS.rows);
  }, 120_000);

  it("refuses CSL-JSON nested 50,000 deep with 422 and a sentence, not a stack overflow", async () => {
    const watched = await watchingHealth(() => post(target, { intent: "import-sources" }, files.deep));
    const { result } = watched;
    const line = lastLine(result.lines);
    expect(line).toMatchObject({ type: "error", status: 422 });
    expect(said(line)).toBe("This JSON file nests more than 64 levels deep (at character 65); a library file needs only a few, so it cannot be imported.");
    expectResponsive("CSL-JSON 50,000 deep", watched, MAIN_CPU_MS.small);
  });

  it("imports nothing from a RIS file with a malformed record, even when told to skip bad entries, and lists it", async () => {
    const watched = await watchingHealth(() => post(target, { intent: "import-sources", policy: "skip-bad-rows" }, files.ris));
    const { result } = watched;
    const line = lastLine(result.lines);
    if (line.type !== "result") throw new Error(`expected a result, got ${said(line)}`);
    expect(line.summary).toMatchObject({ kind: "sources", written: false, inserted: 0, read: 2, errorCount: 1, malformed: 1 });
    expect(line.summary.errors.map((e) => ({ row: e.rowNumber, reasons: e.reasons.map((r) => english.text(r)) }))).toEqual([
      { row: 2, reasons: ["Line 7 is not a RIS tag line (two capitals, two spaces and a hyphen, as in “AU  - Name”)."] },
    ]);
    expectResponsive("malformed RIS", watched, MAIN_CPU_MS.small);
  });

  it("wrote nothing for any of them: no recommendation, no source, no audit event", async () => {
    await server.stop();
    const handle = await openDatabase({ pglite: await openPGlite(dataDir) });
    try {
      const count = async (table: "recommendations" | "sources") =>
        Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).where("workspace_id", "=", target.workspace.id).executeTakeFirstOrThrow()).n);
      const imports = await handle.db.selectFrom("audit_events").select("id").where("workspace_id", "=", target.workspace.id).where("action", "=", "library.imported").execute();
      expect([await count("recommendations"), await count("sources"), imports.length]).toEqual([0, 0, 0]);
      // The warm-up did write, so the counting can see a write.
      const warm = await handle.db.selectFrom("recommendations").select((eb) => eb.fn.countAll().as("n")).where("workspace_id", "=", warmUp.workspace.id).executeTakeFirstOrThrow();
      expect(Number(warm.n)).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });
});
