import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../client";
import { PGliteThread } from "./thread-client";

// A statement that keeps PGlite busy for seconds (2.5 s in-process on this machine, idle).
const HEAVY = sql<{ count: string }>`select count(*) from generate_series(1, 3e6)`;
// How late a 1 ms timer may fire while the heavy statement runs on the database thread. Generous
// for a loaded 2-core machine (the thread itself takes one core); in-process it is the whole
// statement, seconds.
const LATENESS_BOUND_MS = 250;

/** Runs `work` while 1 ms timers fire one after another; returns the latest any of them fired. */
async function worstTimerLateness(work: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const due = performance.now() + 1;
    timer = setTimeout(() => {
      worst = Math.max(worst, performance.now() - due);
      if (running) tick();
    }, 1);
  };
  tick();
  await work();
  running = false;
  // A timer stalled by synchronous work fires only now: its lateness counts too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearTimeout(timer);
  return worst;
}

describe("PGlite on a worker thread", () => {
  let dataDir: string;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "caucus-pglite-thread-"));
    handle = await openDatabase({ dataDir });
  });

  afterAll(async () => {
    await handle?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers queries with the types node-postgres gives (int8 as string, bytea as Buffer, parameters)", async () => {
    await sql`create table notes (id int8 primary key, body text not null, raw bytea)`.execute(handle.db);
    await handle.db.insertInto("notes" as never).values({ id: 1, body: "first", raw: Buffer.from([1, 2]) } as never).execute();
    const { rows } = await sql<{ id: string; body: string; raw: Buffer }>`select id, body, raw from notes where body = ${"first"}`.execute(handle.db);
    expect(rows).toEqual([{ id: "1", body: "first", raw: Buffer.from([1, 2]) }]);
  });

  it("rolls a transaction back", async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into notes (id, body) values (${2}, ${"rolled back"})`.execute(trx);
        throw new Error("abandon");
      })
    ).rejects.toThrow("abandon");
    const { rows } = await sql<{ n: string }>`select count(*) as n from notes where id = 2`.execute(handle.db);
    expect(rows[0]!.n).toBe("0");
  });

  it("reports PostgreSQL's error message and code, and notices, and keeps working", async () => {
    await expect(sql`selec 1`.execute(handle.db)).rejects.toMatchObject({ message: 'syntax error at or near "selec"', code: "42601" });
    // With parameters (the extended protocol: its messages go to the thread together with Sync).
    await expect(sql`insert into notes (id, body) values (${1}, ${"duplicate"})`.execute(handle.db)).rejects.toMatchObject({
      code: "23505",
      constraint: "notes_pkey",
    });
    await expect(sql`selec ${1}`.execute(handle.db)).rejects.toMatchObject({ code: "42601" });
    await expect(sql`select ${1}::int4 / 0`.execute(handle.db)).rejects.toMatchObject({ message: "division by zero", code: "22012" });
    const client = await handle.pool!.connect();
    try {
      const notices: string[] = [];
      client.on("notice", (notice) => notices.push(`${notice.severity}: ${notice.message}`));
      await client.query("do $$ begin raise notice 'counted %', 3; end $$");
      expect(notices).toEqual(["NOTICE: counted 3"]);
    } finally {
      client.release();
    }
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it("answers concurrent queries, each with its own result", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sql<{ n: number }>`select ${i}::int4 * 2 as n`.execute(handle.db).then(({ rows }) => rows[0]!.n))
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
  });

  it("keeps the main thread's timers on time while a heavy statement runs", async () => {
    let count = "";
    const lateness = await worstTimerLateness(async () => {
      count = (await HEAVY.execute(handle.db)).rows[0]!.count;
    });
    expect(count).toBe("3000000");
    expect(lateness).toBeLessThan(LATENESS_BOUND_MS);
  });

  it("closes: the data survives a reopen, and a closed handle refuses queries", async () => {
    await handle.close();
    await expect(sql`select 1`.execute(handle.db)).rejects.toThrow();
    handle = await openDatabase({ dataDir });
    const { rows } = await sql<{ body: string }>`select body from notes order by id`.execute(handle.db);
    expect(rows).toEqual([{ body: "first" }]);
  });

  it("fails every waiting query with a clear error when the thread dies, and reports it", async () => {
    await handle.close();
    const failures: Error[] = [];
    const thread = await PGliteThread.open(dataDir, { onFailure: (error) => failures.push(error) });
    const dying = await openDatabase({ pglite: thread });
    try {
      const waiting = HEAVY.execute(dying.db);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await thread.terminate();
      const stopped = { message: expect.stringMatching(/^The database thread stopped/), code: "08006" };
      await expect(waiting).rejects.toMatchObject(stopped);
      // Every later query fails the same way, at once, the simple protocol's and the extended one's.
      await expect(sql`select 1`.execute(dying.db)).rejects.toMatchObject(stopped);
      await expect(sql`select ${1}::int4`.execute(dying.db)).rejects.toMatchObject(stopped);
      await expect(dying.db.transaction().execute((trx) => sql`select 1`.execute(trx))).rejects.toMatchObject(stopped);
      expect(failures.map((error) => error.message)).toEqual([expect.stringMatching(/database thread stopped/)]);
    } finally {
      await dying.close();
    }
    // The directory is whole after the crash (PGlite synced after every statement).
    handle = await openDatabase({ dataDir });
    expect((await sql<{ n: string }>`select count(*) as n from notes`.execute(handle.db)).rows[0]!.n).toBe("1");
  });
});

describe("PGlite on the main thread (the control)", () => {
  it("holds the main thread's timers back for the whole heavy statement, which the check above detects", async () => {
    const handle = await openDatabase({ dataDir: "memory://", thread: "main" });
    try {
      const lateness = await worstTimerLateness(() => HEAVY.execute(handle.db));
      expect(lateness).toBeGreaterThan(LATENESS_BOUND_MS);
    } finally {
      await handle.close();
    }
  });
});
