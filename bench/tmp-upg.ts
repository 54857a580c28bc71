import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { buildWorkspace } from "../test/factories";
import { findSessionsWithDraftAccess } from "../db/queries/upgrade-access";
import { findSessionWithUser } from "../db/queries/sessions";
import { hashToken } from "../server/auth/tokens";
import { sql } from "kysely";
const dir = await mkdtemp(join(tmpdir(), "upg-"));
const handle = await openDatabase({ dataDir: dir } as any);
await migrateToLatest(handle.db);
const { members, draft } = await buildWorkspace(handle);
const sid = hashToken(members.editor.token);
async function time(label: string, f: () => Promise<unknown>, n = 300) {
  for (let i = 0; i < 50; i++) await f();
  const t: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); await f(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(label.padEnd(40), "p50", t[n >> 1]!.toFixed(3), "p90", t[Math.floor(n * 0.9)]!.toFixed(3));
}
if (0) await time("select 1", () => sql`select 1`.execute(handle.db));
await time("session with user", () => findSessionWithUser(handle.db, sid));
await time("upgrade access x1", () => findSessionsWithDraftAccess(handle.db, [{ sessionId: sid, draftId: draft.id }]));
await time("upgrade access x1 (again)", () => findSessionsWithDraftAccess(handle.db, [{ sessionId: sid, draftId: draft.id }]), 1000);
await time("upgrade access x50", () => findSessionsWithDraftAccess(handle.db, Array.from({ length: 50 }, () => ({ sessionId: sid, draftId: draft.id }))));
const text = `select request.position, sessions.id, sessions.user_id, sessions.expires_at, users.email, users.name, d.workspace_id, d.status, m.role,
 coalesce(w.require_two_step, false) and users.totp_enabled_at is null and not exists (select 1 from passkeys where passkeys.user_id = sessions.user_id) as misses
 from (select * from unnest($1::text[], $2::uuid[]) with ordinality as t(session_id, draft_id, position)) as request
 inner join sessions on sessions.id = request.session_id inner join users on users.id = sessions.user_id
 left join drafts as d on d.id = request.draft_id left join memberships as m on m.workspace_id = d.workspace_id and m.user_id = sessions.user_id
 left join workspaces as w on w.id = d.workspace_id`;
await time("raw upgrade x1", () => sql.raw(text.replace("$1", `'{${sid}}'`).replace("$2", `'{${draft.id}}'`)).execute(handle.db), 1000);
await sql.raw(`prepare upg(text[], uuid[]) as ${text}`).execute(handle.db);
await time("prepared upgrade x1", () => sql.raw(`execute upg('{${sid}}', '{${draft.id}}')`).execute(handle.db), 1000);
const { loadDraftDocuments } = await import("../db/queries/draft-documents");
const big = new Uint8Array(432 * 1024).map((_, i) => (i * 7919) & 255);
await handle.db.insertInto("draft_snapshots").values({ draft_id: draft.id, state: Buffer.from(big), content: "{}", text: "", up_to_seq: "0" } as any).execute();
await time("load compacted 432 KiB", () => loadDraftDocuments(handle.db, [draft.id]), 100);
await time("select state only", () => handle.db.selectFrom("draft_snapshots").select("state").where("draft_id", "=", draft.id).execute(), 100);
await time("select length(state)", () => sql`select length(state) from draft_snapshots where draft_id = ${draft.id}`.execute(handle.db), 100);
await time("select encode(state,'base64')", () => sql`select encode(state, 'base64') from draft_snapshots where draft_id = ${draft.id}`.execute(handle.db), 100);
await handle.close?.();
process.exit(0);
