import { sql } from "kysely";
import type { Executor } from "./executor";

export interface DraftClient {
  draftId: string;
  /** The Yjs client id (a uint32) the user's changes carry. */
  clientId: number;
  userId: string;
}

/** Rows per statement: three parameters each, far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1000;

/**
 * Records who each Yjs client is; the first sighting of a client on a draft wins. A row whose
 * draft is gone is skipped and one whose user is gone is kept with a null user, so one deleted
 * draft or account cannot fail the batch (the collab server sends many drafts' clients at once).
 */
export async function recordDraftClients(db: Executor, clients: readonly DraftClient[]): Promise<void> {
  for (let start = 0; start < clients.length; start += ROWS_PER_INSERT) {
    const chunk = clients.slice(start, start + ROWS_PER_INSERT);
    const values = sql.join(chunk.map((c) => sql`(${c.draftId}::uuid, ${c.clientId}::bigint, ${c.userId}::uuid)`));
    await sql`
      insert into draft_clients (draft_id, client_id, user_id)
      select v.draft_id, v.client_id, u.id
      from (values ${values}) as v (draft_id, client_id, user_id)
      join drafts d on d.id = v.draft_id
      left join users u on u.id = v.user_id
      on conflict (draft_id, client_id) do nothing
    `.execute(db);
  }
}

/** A draft's known clients: client id → user id (null when the account was deleted). */
export async function listDraftClients(db: Executor, draftId: string): Promise<Map<number, string | null>> {
  const rows = await db.selectFrom("draft_clients").select(["client_id", "user_id"]).where("draft_id", "=", draftId).execute();
  return new Map(rows.map((row) => [Number(row.client_id), row.user_id]));
}
