import { sql } from "kysely";
import { expect, it } from "vitest";
import type * as Y from "yjs";
import * as statusRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.status";
import * as versionsRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.versions";
import type { VersionSummary } from "../../core/versions/contract";
import { compactDraft } from "../../server/collab/compaction";
import { describeEachDatabase } from "../db/test-database";
import { heading, paragraph, storeDraftContent } from "../draft-content-factories";
import { buildWorkspace } from "../factories";
import { makeRequest, runJson, testContext } from "../remix";
import { collabSuite, eventually, synced, type TestClient } from "./harness";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the database read passes `check`; fails after five seconds. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check(await read())) {
    if (Date.now() > deadline) throw new Error("condition not met within 5000 ms");
    await pause(20);
  }
}
type World = Awaited<ReturnType<typeof buildWorkspace>>;
const path = (w: World) => `/workspaces/${w.workspace.id}/drafts/${w.draft.id}/versions`;
const params = (w: World) => ({ workspaceId: w.workspace.id, draftId: w.draft.id });

/** The text of the body's block at `index` as a client holds it. */
const blockText = (client: TestClient, index: number) => (client.doc.getXmlFragment("body").get(index) as Y.XmlElement).toArray().map(String).join("");
const typeInto = (client: TestClient, index: number, text: string) => {
  const block = client.doc.getXmlFragment("body").get(index) as Y.XmlElement;
  const target = block.get(0) as Y.XmlText;
  target.insert(target.length, text);
};

describeEachDatabase("versions", (handle) => {
  const suite = collabSuite(handle);
  const context = () => testContext(handle(), undefined, suite.harness.collab);
  const list = async (w: World, token: string) => runJson(versionsRoute.loader, makeRequest(path(w), { token }), context(), params(w));
  const post = (w: World, token: string, form: Record<string, string>) => runJson(versionsRoute.action, makeRequest(path(w), { token, form }), context(), params(w));

  it("keeps each session of work as a version through compaction, with who and how many words", async () => {
    const w = await buildWorkspace(handle());
    await storeDraftContent(handle(), w.draft.id, [paragraph("The State should act.")], {});
    const editor = suite.connect(w.members.editor.token, w.draft.id);
    await synced(editor);
    typeInto(editor, 0, " It must ratify the Optional Protocol.");
    const logRows = () => handle().db.selectFrom("draft_updates").select("seq").where("draft_id", "=", w.draft.id).execute();
    await until(logRows, (r) => r.length >= 2);
    await compactDraft(handle().db, w.draft.id);

    const first = (await list(w, w.members.reviewer.token)).body as { versions: VersionSummary[] };
    expect(first.versions).toHaveLength(1);
    expect(first.versions[0]).toMatchObject({ kind: "session", words: 10, added: 10, removed: 0 });
    expect(first.versions[0]!.people.map((p) => p.name)).toEqual([w.members.editor.name]);
    // The log rows are gone; the version is what keeps the past.
    const rows = await handle().db.selectFrom("draft_updates").select("seq").where("draft_id", "=", w.draft.id).execute();
    expect(rows).toEqual([]);

    // An hour later the same person edits again: a new session, a new version.
    await handle().db.updateTable("draft_versions").set({ created_at: sql`created_at - interval '1 hour'`, started_at: sql`started_at - interval '1 hour'` }).where("draft_id", "=", w.draft.id).execute();
    typeInto(editor, 0, " Now.");
    await until(logRows, (r) => r.length >= 1);
    await compactDraft(handle().db, w.draft.id);
    const second = (await list(w, w.members.viewer.token)).body as { versions: VersionSummary[] };
    expect(second.versions.map((v) => [v.kind, v.words, v.added])).toEqual([["session", 11, 1], ["session", 10, 10]]);
  });

  it("restores one section while two people type elsewhere: the section reads as the version, nobody's typing is lost", async () => {
    const w = await buildWorkspace(handle());
    await storeDraftContent(handle(), w.draft.id, [paragraph("Intro."), heading("Housing", "housing"), paragraph("Evictions rose."), heading("Justice", "justice"), paragraph("Courts are slow.")], {});
    const [owner, editor] = [suite.connect(w.members.owner.token, w.draft.id), suite.connect(w.members.editor.token, w.draft.id)];
    await Promise.all([synced(owner), synced(editor)]);
    const named = await post(w, w.members.owner.token, { intent: "name", name: "Sent to partners, 12 March" });
    expect(named.status).toBe(200);
    const versionId = (named.body as { version: VersionSummary }).version.id;

    // After the version: the justice section is rewritten, then two people type in the intro
    // and in the housing section while the owner restores the justice section.
    typeInto(owner, 4, " And expensive.");
    await eventually(() => blockText(editor, 4), (t) => t.endsWith("expensive."));
    let typing = true;
    const typed: Record<string, string[]> = { owner: [], editor: [] };
    const typists = [
      (async () => { for (let k = 0; typing; k++) { typeInto(owner, 0, ` o${k}`); typed.owner!.push(` o${k}`); await pause(7); } })(),
      (async () => { for (let k = 0; typing; k++) { typeInto(editor, 2, ` e${k}`); typed.editor!.push(` e${k}`); await pause(9); } })(),
    ];
    await pause(100);
    const restored = await post(w, w.members.editor.token, { intent: "restore", versionId, section: "justice" });
    await pause(100);
    typing = false;
    await Promise.all(typists);
    expect(restored).toMatchObject({ status: 200, body: { ok: true, changed: true } });

    for (const client of [owner, editor]) {
      await eventually(() => blockText(client, 4), (t) => t === "Courts are slow.");
      await eventually(() => blockText(client, 0), (t) => t === `Intro.${typed.owner!.join("")}`);
      await eventually(() => blockText(client, 2), (t) => t === `Evictions rose.${typed.editor!.join("")}`);
    }
    // The state before the restore is kept, and the restore is audited.
    const after = (await list(w, w.members.owner.token)).body as { versions: VersionSummary[] };
    expect(after.versions.map((v) => v.kind)).toContain("restore");
    const audit = await handle().db.selectFrom("audit_events").select(["action", "details"]).where("action", "=", "draft.restored").execute();
    expect(audit.filter((a) => (a.details as { versionId?: string }).versionId === versionId)).toHaveLength(1);
  });

  it("keeps a version when the draft moves into review", async () => {
    const w = await buildWorkspace(handle());
    await storeDraftContent(handle(), w.draft.id, [paragraph("Ready for review.")], {});
    const form = { intent: "set-status", status: "in_review", reviewerIds: w.members.reviewer.id };
    const moved = await runJson(statusRoute.action, makeRequest(`/workspaces/${w.workspace.id}/drafts/${w.draft.id}/status`, { token: w.members.editor.token, form }), context(), params(w));
    expect(moved.status).toBe(200);
    const history = (await list(w, w.members.owner.token)).body as { versions: VersionSummary[] };
    expect(history.versions.map((v) => [v.kind, v.words, v.createdBy])).toEqual([["status", 3, w.members.editor.name]]);
  });

  it("lets a reviewer read the history but not name or restore; a stranger sees nothing", async () => {
    const w = await buildWorkspace(handle());
    const other = await buildWorkspace(handle());
    await storeDraftContent(handle(), w.draft.id, [paragraph("Text.")], {});
    expect((await list(w, w.members.reviewer.token)).status).toBe(200);
    expect((await post(w, w.members.reviewer.token, { intent: "name", name: "Mine" })).status).toBe(403);
    expect((await list(w, other.members.owner.token)).status).toBe(404);
    expect((await post(w, other.members.owner.token, { intent: "name", name: "Theirs" })).status).toBe(404);
    expect((await post(w, w.members.owner.token, { intent: "name", name: "  " })).status).toBe(400);
    expect((await post(w, w.members.owner.token, { intent: "restore", versionId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
  });
});
