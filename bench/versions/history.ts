/**
 * History on a 50,000-word draft with a long history (issue 21): eight people of eight
 * organisations edit it in SESSIONS sessions of work, six hours apart (so old sessions thin),
 * each session ~EDITS small edits through its own Yjs client, compacted after each session as
 * the collaboration server does (the compaction now keeps the session as a version). Every
 * tenth session is named. Then, through the versions service on in-process PGlite:
 * the history list, opening a version, comparing the first and last versions and a version with
 * now, restoring a section and the whole draft: p50/p95. And the storage: bytes per version as
 * stored (pg_column_size: jsonb after TOAST compression) against the canonical JSON's length.
 *
 *   node --import tsx bench/versions/history.ts      (SESSIONS=60 EDITS=120 RUNS=15)
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { sql } from "kysely";
import * as Y from "yjs";
import { randomEdits, seededText } from "../../test/random-edits";
import { BODY_FIELD, documentSchema, writeCover } from "../../core/editor";
import { openDatabase, openPGlite } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { recordDraftClients } from "../../db/queries/draft-clients";
import { appendDraftUpdates } from "../../db/queries/draft-documents";
import { listVersions } from "../../db/queries/draft-versions";
import { compactDraft } from "../../server/collab/compaction";
import { recordStoredVersion } from "../../server/versions/moments";
import { createVersionsService } from "../../server/versions/service";
import type { CollabControl } from "../../server/context";
import { fmt, percentile, table } from "../collab/stats";

const SESSIONS = Number(process.env.SESSIONS ?? 60);
const EDITS = Number(process.env.EDITS ?? 120);
const RUNS = Number(process.env.RUNS ?? 15);
const PEOPLE = 8;
const VOCABULARY = "State recommendation supported noted implementation detention journalists freedom expression assembly Committee report the of and to in that was were has not by on with for as at from law police court women children".split(" ");

const { random, sentence } = seededText(VOCABULARY, 5);
type Json = Record<string, unknown>;
const text = (value: string): Json => ({ type: "text", text: value });

/** ~75-word paragraphs under a template section heading every 40, a note in one of four. */
function startingDraft(words: number): Json {
  const blocks: Json[] = [];
  for (let p = 0, count = 0, notes = 0; count < words; p++, count += 75) {
    if (p % 40 === 0) blocks.push({ type: "heading", attrs: { level: 1, section: `section-${p / 40}` }, content: [text(`Section ${p / 40}`)] });
    const inline: Json[] = [text(sentence(40))];
    if (p % 4 === 0) inline.push({ type: "footnote", attrs: { id: `n${++notes}` }, content: [text(`See A/HRC/25/5, para. ${notes}.`)] });
    inline.push(text(sentence(35)));
    blocks.push({ type: "paragraph", content: inline });
  }
  return { type: "doc", content: blocks };
}

const timed = async <T>(samples: number[], work: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await work();
  samples.push(performance.now() - start);
  return result;
};
const row = (name: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return [name, String(samples.length), fmt(percentile(sorted, 50)), fmt(percentile(sorted, 95))];
};

const dir = await mkdtemp(join(tmpdir(), "caucus-history-"));
const handle = await openDatabase({ pglite: await openPGlite(dir) });
const db = handle.db;
await migrateToLatest(db);
const workspace = await db.insertInto("workspaces").values({ name: "Bench coalition" }).returning("id").executeTakeFirstOrThrow();
const people: Array<{ id: string }> = [];
for (let i = 0; i < PEOPLE; i++) {
  const organisation = await db.insertInto("organisations").values({ workspace_id: workspace.id, name: `Organisation ${i}`, acronym: `ORG${i}` }).returning("id").executeTakeFirstOrThrow();
  const user = await db.insertInto("users").values({ email: `p${i}@example.org`, name: `Person ${i}`, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("memberships").values({ workspace_id: workspace.id, user_id: user.id, role: i === 0 ? "owner" : "editor", organisation_id: organisation.id }).execute();
  people.push(user);
}
const draft = await db.insertInto("drafts").values({ workspace_id: workspace.id, title: "Bench draft", mechanism: "UPR", state_under_review: "GHA", template_slug: "upr-joint" }).returningAll().executeTakeFirstOrThrow();

// The draft as one person's client wrote it, then SESSIONS sessions of edits by the others.
const live = prosemirrorJSONToYDoc(documentSchema(), startingDraft(50_000), BODY_FIELD);
writeCover(live, { title: "Bench draft", language: "en" });
const t0 = Date.now() - SESSIONS * 6 * 3_600_000;
const store = async (update: Uint8Array, userId: string, at: Date) => {
  await appendDraftUpdates(db, [{ draftId: draft.id, update, userId }]);
  // Stored "at" that moment: the row just appended is the draft's newest.
  await sql`update draft_updates set created_at = ${at} where seq = (select max(seq) from draft_updates where draft_id = ${draft.id})`.execute(db);
};
await recordDraftClients(db, [{ draftId: draft.id, clientId: live.clientID, userId: people[0]!.id }]);
await store(Y.encodeStateAsUpdate(live), people[0]!.id, new Date(t0));
const compaction: number[] = [];
await timed(compaction, () => compactDraft(db, draft.id));

for (let s = 1; s <= SESSIONS; s++) {
  const person = people[s % PEOPLE]!;
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  await recordDraftClients(db, [{ draftId: draft.id, clientId: client.clientID, userId: person.id }]);
  const at = new Date(t0 + s * 6 * 3_600_000);
  const updates: Uint8Array[] = [];
  client.on("update", (u: Uint8Array) => updates.push(u));
  randomEdits(client, EDITS, { random, sentence }, { deleteLength: 12, words: 3, minLength: 60 });
  // A session's edits arrive as the save queue stores them: a few dozen batches.
  for (let i = 0; i < updates.length; i += 8) await store(Y.mergeUpdates(updates.slice(i, i + 8)), person.id, new Date(at.getTime() + i * 1000));
  Y.applyUpdate(live, Y.encodeStateAsUpdate(client));
  client.destroy();
  await timed(compaction, () => compactDraft(db, draft.id));
  if (s % 10 === 0) await recordStoredVersion(db, draft.id, { kind: "named", actorId: people[0]!.id, name: `Round ${s / 10}` });
}

const noCollab: CollabControl = { revalidate: async () => {}, announce: () => {}, settle: async () => {}, applyStoredChange: () => {} };
const versions = createVersionsService({ db, collab: noCollab });
const all = await listVersions(db, draft.id);
const [first, last] = [all.at(-1)!, all[0]!];
const named = all.filter((v) => v.kind === "named");
const samples = { list: [] as number[], open: [] as number[], firstLast: [] as number[], withNow: [] as number[], restoreSection: [] as number[], restoreWhole: [] as number[] };
for (let r = 0; r < RUNS; r++) {
  await timed(samples.list, () => versions.list(draft));
  await timed(samples.open, () => versions.view(draft, all[Math.floor(random() * all.length)]!.id));
  await timed(samples.firstLast, () => versions.compare(draft, first.id, last.id));
  await timed(samples.withNow, () => versions.compare(draft, named[0]!.id, "now"));
  const actor = { id: people[1]!.id };
  await timed(samples.restoreSection, () => versions.restore(actor, draft, { versionId: named[r % named.length]!.id, section: "section-3" }));
  await timed(samples.restoreWhole, () => versions.restore(actor, draft, { versionId: named[(r + 1) % named.length]!.id, section: null }));
}

const storage = await sql<{ kind: string; count: string; stored: string; raw: string }>`
  select kind, count(*) as count,
    sum(pg_column_size(content) + pg_column_size(cover) + pg_column_size(authorship) + pg_column_size(people) + pg_column_size(by_organisation)) as stored,
    sum(octet_length(content::text) + octet_length(authorship::text)) as raw
  from draft_versions where draft_id = ${draft.id} group by kind order by kind`.execute(db);
const words = all[0]!.words;

console.log(`History bench: a ${words.toLocaleString("en")}-word draft, ${SESSIONS} sessions of ~${EDITS} edits by ${PEOPLE} people, 6 h apart; ${RUNS} runs (ms)`);
console.log(table(["operation", "runs", "p50", "p95"], [
  row("compaction with its session version", compaction),
  row(`history list (${all.length} versions)`, samples.list),
  row("open a version", samples.open),
  row("compare first and last", samples.firstLast),
  row("compare a named version with now", samples.withNow),
  row("restore one section", samples.restoreSection),
  row("restore the whole draft", samples.restoreWhole),
]));
console.log("\nStorage per version (stored = jsonb as PostgreSQL keeps it, compressed; raw = canonical JSON text):");
console.log(table(["kind", "versions", "stored KB each", "raw KB each"], storage.rows.map((r) => [r.kind, r.count, fmt(Number(r.stored) / Number(r.count) / 1024), fmt(Number(r.raw) / Number(r.count) / 1024)])));
console.log(`Session versions kept after thinning: ${all.filter((v) => v.kind === "session").length} of ${SESSIONS + 1} sessions (every session of the last two days, then one a day).`);
await handle.close();
await rm(dir, { recursive: true, force: true });
