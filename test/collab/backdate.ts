import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";

/**
 * Dates a draft's log rows just stored (the ones stored in the last minutes) as if stored from
 * `at` on, one second apart in seq order: sessions of work an hour apart without waiting an hour.
 */
export async function backdate(db: Kysely<Database>, draftId: string, at: Date): Promise<void> {
  await sql`
    update draft_updates u set created_at = ${at}::timestamptz + (r.n - 1) * interval '1 second'
    from (select seq, row_number() over (order by seq) as n from draft_updates
          where draft_id = ${draftId} and created_at > now() - interval '10 minutes') r
    where u.seq = r.seq`.execute(db);
}
