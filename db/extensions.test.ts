import { sql } from "kysely";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../test/db/test-database";

// Later issues (library search) rely on both; prove each engine has them after migrations.
describeEachDatabase("database extensions", (handle) => {
  it("has pg_trgm similarity and a trigram index", async () => {
    const { db } = handle();
    const { rows } = await sql<{ score: number }>`select similarity('A/HRC/25/5', 'A/HRC/25/5/Add.1') as score`.execute(db);
    expect(rows[0]!.score).toBeGreaterThan(0.5);
    await sql`create temporary table symbols (s text)`.execute(db);
    await sql`create index on symbols using gin (s gin_trgm_ops)`.execute(db);
    await sql`insert into symbols values ('E/C.12/CHN/CO/2'), ('A/HRC/WG.6/31/GHA/1')`.execute(db);
    const hits = await sql<{ s: string }>`select s from symbols where s % 'E/C.12/CHN/CO/3' order by s`.execute(db);
    expect(hits.rows.map((r) => r.s)).toEqual(["E/C.12/CHN/CO/2"]);
    await sql`drop table symbols`.execute(db);
  });

  it("stems English full-text search with websearch syntax", async () => {
    const { db } = handle();
    const { rows } = await sql<{ hit: boolean; miss: boolean }>`
      select
        to_tsvector('english', 'The State supported the recommendations on detention')
          @@ websearch_to_tsquery('english', 'recommendation "detention"') as hit,
        to_tsvector('english', 'The State supported the recommendations on detention')
          @@ websearch_to_tsquery('english', 'recommendation -detention') as miss`.execute(db);
    expect(rows[0]).toEqual({ hit: true, miss: false });
  });

  it("reports which engine it is", () => {
    expect(["pglite", "postgres"]).toContain(handle().kind);
  });
});
