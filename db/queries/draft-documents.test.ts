import { expect, it } from "vitest";
import * as Y from "yjs";
import { describeEachDatabase } from "../../test/db/test-database";
import { buildWorkspace } from "../../test/factories";
import { appendDraftUpdates, loadDraftDocument } from "./draft-documents";
import { lockDraftStatus, updateDraftStatus } from "./draft-status";

/** A real Yjs update that types `text`. */
function typing(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describeEachDatabase("appending draft updates", (handle, kind) => {
  it("stores updates to drafts being written and refuses, in the same statement, those to a submitted or deleted draft", async () => {
    const { workspace, members, draft } = await buildWorkspace(handle());
    const frozen = await handle().db.insertInto("drafts").values({ workspace_id: workspace.id, title: "Sent", mechanism: "UPR", state_under_review: "GHA", created_by: members.owner.id, status: "submitted" }).returning("id").executeTakeFirstOrThrow();
    const gone = "00000000-0000-4000-8000-000000000000";
    const refused = await appendDraftUpdates(handle().db, [
      { draftId: draft.id, update: typing("kept"), userId: members.editor.id },
      { draftId: frozen.id, update: typing("after Geneva"), userId: null },
      { draftId: gone, update: typing("nowhere"), userId: null },
    ]);
    expect(refused.sort()).toEqual([frozen.id, gone].sort());
    expect((await loadDraftDocument(handle().db, draft.id)).updates).toHaveLength(1);
    expect((await loadDraftDocument(handle().db, frozen.id)).updates).toHaveLength(0);
  });

  // PGlite has one connection: a save cannot wait on another transaction's lock there.
  if (kind === "postgres") it("does not store an edit that waited behind the submission's lock", async () => {
    const { draft } = await buildWorkspace(handle());
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const submission = handle()
      .db.transaction()
      .execute(async (tx) => {
        await lockDraftStatus(tx, draft.id, "update");
        locked();
        await held;
        await updateDraftStatus(tx, draft.id, "submitted");
      });
    await isLocked;
    const save = appendDraftUpdates(handle().db, [{ draftId: draft.id, update: typing("typed while the file was stored"), userId: null }]);
    // The save is waiting on the row: it must not have finished.
    const early = await Promise.race([save.then(() => "finished"), new Promise((resolve) => setTimeout(() => resolve("waiting"), 200))]);
    expect(early).toBe("waiting");
    release();
    await submission;
    expect(await save).toEqual([draft.id]);
    expect((await loadDraftDocument(handle().db, draft.id)).updates).toHaveLength(0);
  });
});
