import { expect, it } from "vitest";
import { listenToDraftEvents } from "../../app/editor/draft-events";
import * as submitRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.submit";
import * as exportRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.export";
import * as reopenRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.reopen";
import { CloseCode } from "../../core/collab/close-codes";
import { draftDocName } from "../../core/collab/doc-name";
import type { DraftEvent } from "../../core/collab/draft-events";
import { canonicalDocument } from "../../core/editor/canonical";
import { readDraftContent } from "../../server/drafts/draft-content";
import { describeEachDatabase } from "../db/test-database";
import { buildCleanDraft } from "../draft-content-factories";
import { draftPath, fetchFile, fileText, submitRequest } from "../integration/export-requests";
import { makeRequest, testContext } from "../remix";
import { collabSuite, eventually, synced } from "./harness";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// "Mark as submitted" against the real collaboration server: the route's revalidation re-checks
// every socket of the workspace, and a submitted draft grants nobody edit, so sockets that could
// write are closed with AuthorizationChanged (the client stops and says why); sockets that were
// read-only already keep reading. Whoever reconnects is read-only: their updates are dropped.
describeEachDatabase("a draft marked as submitted, over the socket", (handle) => {
  const suite = collabSuite(handle);

  it("exports and submits what people see, closes the sockets that could edit, keeps readers, drops a reconnected editor's changes, and thaws on reopen", async () => {
    const { world, draft } = await buildCleanDraft(handle());
    const { owner, editor, reviewer } = world.members;
    const owners = suite.connect(owner.token, draft.id);
    const editors = suite.connect(editor.token, draft.id);
    const reviewers = suite.connect(reviewer.token, draft.id);
    const heard: DraftEvent[] = [];
    listenToDraftEvents(reviewers.provider, (event) => heard.push(event));
    await Promise.all([synced(owners), synced(editors), synced(reviewers)]);

    const collab = suite.harness.collab;
    const context = testContext(handle(), undefined, collab);
    const room = () => collab.rooms.get(draftDocName(draft.id))!;

    // A download right after a keystroke holds it: the room writes what it has first, it does
    // not wait for its half-second batch.
    editors.type("Typed just before a download. ");
    await eventually(() => canonicalDocument(room().materialise()).text, (t) => t.includes("just before a download"));
    expect(await readDraftContent(handle().db, draft.id).then((c) => c.doc.textContent)).not.toContain("just before a download");
    const download = await fetchFile(exportRoute.loader, makeRequest(draftPath(world.workspace.id, draft.id, "/export?format=docx"), { token: owner.token }), context, { workspaceId: world.workspace.id, draftId: draft.id });
    expect(fileText(download.bytes, "docx")).toContain("Typed just before a download.");

    // The same for a submission: no need to wait for the batch.
    editors.type("Last words before Geneva. ");
    await eventually(() => canonicalDocument(room().materialise()).text, (t) => t.includes("Last words before Geneva."));
    const answer = await fetchFile(submitRoute.action, submitRequest(world.workspace.id, draft.id, owner.token, { intent: "submit", format: "docx", signOffOverride: "on" }), context, { workspaceId: world.workspace.id, draftId: draft.id });
    expect(answer.status).toBe(200);
    // The stored file holds the last edit typed before submission.
    expect(fileText(await storedBytes(draft.id), "docx")).toContain("Last words before Geneva.");

    await eventually(() => owners.closes.length + editors.closes.length, (n) => n === 2, 1000);
    expect(owners.closes[0]!.code).toBe(CloseCode.AuthorizationChanged);
    expect(editors.closes[0]!.code).toBe(CloseCode.AuthorizationChanged);
    // y-websocket treats 44xx as permanent: no reconnect loop.
    expect(editors.provider.shouldConnect).toBe(false);
    await eventually(() => heard, (events) => events.some((e) => e.type === "status"), 1000);
    await pause(200);
    expect(reviewers.closes).toEqual([]);

    // Reloading the page reconnects: the socket is read-only now, whatever the role.
    const again = suite.connect(editor.token, draft.id);
    await synced(again);
    again.type("Typed after submission.");
    await pause(300);
    const connection = [...room().connections].find((c) => c.identity.user.id === editor.id)!;
    expect(connection.readOnly).toBe(true);
    expect(connection.droppedFrames).toBeGreaterThan(0);
    expect(canonicalDocument(room().materialise()).text).not.toContain("Typed after submission.");
    expect((await readDraftContent(handle().db, draft.id)).doc.textContent).not.toContain("Typed after submission.");

    // An owner reopens it for a correction: the open room thaws, and a new editor's words are stored.
    const reader = suite.connect(world.members.viewer.token, draft.id);
    await synced(reader);
    expect(room().frozen).toBe("submitted");
    const reopened = await fetchFile(reopenRoute.action, makeRequest(draftPath(world.workspace.id, draft.id, "/reopen"), { token: owner.token, form: { intent: "reopen" } }), context, { workspaceId: world.workspace.id, draftId: draft.id });
    expect(reopened.status).toBe(200);
    expect(room().frozen).toBeNull();
    const corrector = suite.connect(editor.token, draft.id);
    await synced(corrector);
    corrector.type("A correction. ");
    await eventually(() => corrector.durable.state.unsaved, (n) => n === 0);
    expect((await readDraftContent(handle().db, draft.id)).doc.textContent).toContain("A correction.");
  });

  /** The stored file's bytes, as the stored-file route would serve them. */
  async function storedBytes(draftId: string): Promise<Buffer> {
    const row = await handle().db.selectFrom("exports").select("bytes").where("draft_id", "=", draftId).executeTakeFirstOrThrow();
    return Buffer.from(row.bytes);
  }
});
