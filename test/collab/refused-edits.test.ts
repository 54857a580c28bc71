import { expect, it } from "vitest";
import * as Y from "yjs";
import * as members from "../../app/routes/workspaces.$workspaceId.members";
import { draftDocName } from "../../core/collab/doc-name";
import type { DurableSyncState } from "../../core/collab/durable-sync";
import { refusedChanges } from "../../core/collab/refused-changes";
import { canonicalDocument } from "../../core/editor/canonical";
import { holdDraftForSubmission, releaseDraftHold } from "../../db/queries/draft-freeze";
import { findMembership } from "../../db/queries/memberships";
import { readDraftContent } from "../../server/drafts/draft-content";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { makeRequest, run, testContext } from "../remix";
import { collabSuite, eventually, synced, type TestClient } from "./harness";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the server refused, read as the page reads it: this client's copy against the server's. */
async function refusal(client: TestClient, ms = 5000) {
  const state = await eventually(() => client.durable.state, (s: DurableSyncState) => s.refused !== null, ms);
  const server = new Y.Doc();
  Y.applyUpdate(server, state.refused!.serverState);
  const pieces = refusedChanges(client.doc, server);
  const serverText = canonicalDocument(server).text;
  server.destroy();
  return { reason: state.refused!.reason, pieces, serverText };
}

// Edits the server refuses never stay on a device as if they were the draft (issue 16): the
// socket is told once, with the server's document, and the client can show what was refused.
describeEachDatabase("refused edits, over the socket", (handle) => {
  const suite = collabSuite(handle);
  const roomOf = (draftId: string) => suite.harness.collab.rooms.get(draftDocName(draftId))!;
  const stored = async (draftId: string) => (await readDraftContent(handle().db, draftId)).doc.textContent;

  it("tells a reviewer who switched editing on by hand, and the draft never has it", async () => {
    const world = await buildWorkspace(handle());
    const editor = suite.connect(world.members.editor.token, world.draft.id);
    await synced(editor);
    editor.type("The accepted text.");
    const reviewer = suite.connect(world.members.reviewer.token, world.draft.id);
    await synced(reviewer);
    await eventually(() => reviewer.text(), (t) => t === "The accepted text.");
    reviewer.type(" A reviewer's own words.");
    const { reason, pieces, serverText } = await refusal(reviewer);
    expect(reason).toBe("read-only");
    expect(pieces).toEqual([{ kind: "added", text: "A reviewer's own words.", place: { part: "body", block: 0 } }]);
    expect(serverText).toBe("The accepted text.");
    await pause(300);
    expect(editor.text()).toBe("The accepted text.");
    expect(canonicalDocument(roomOf(world.draft.id).materialise()).text).toBe("The accepted text.");
  });

  it("refuses what an editor typed offline after an owner lowered them to reviewer", async () => {
    const world = await buildWorkspace(handle());
    const b = suite.connect(world.members.editor.token, world.draft.id);
    await synced(b);
    b.type("Agreed paragraph.");
    await eventually(() => b.durable.state.unsaved, (n) => n === 0);
    b.provider.disconnect();
    b.type(" Typed on the bus.");
    const membership = await findMembership(handle().db, world.workspace.id, world.members.editor.id);
    const ctx = testContext(handle(), undefined, suite.harness.collab);
    await run(members.action, makeRequest("/m", { token: world.members.owner.token, form: { intent: "update-member", membershipId: membership!.id, role: "reviewer", organisationId: "" } }), ctx, { workspaceId: world.workspace.id });
    b.provider.connect();
    const { reason, pieces } = await refusal(b);
    expect(reason).toBe("read-only");
    expect(pieces.map((p) => [p.kind, p.text])).toEqual([["added", "Typed on the bus."]]);
    expect(await stored(world.draft.id)).toBe("Agreed paragraph.");
    // The refused socket's save requests are answered "refused": it never shows "saved".
    b.type(" More.");
    await pause(400);
    expect(b.durable.state.unsaved).toBeGreaterThan(0);
  });

  it("tells a reader nothing when they only reconnect: their whole delete set is not an edit", async () => {
    const world = await buildWorkspace(handle());
    const editor = suite.connect(world.members.editor.token, world.draft.id);
    await synced(editor);
    editor.type("Some words, some deleted.");
    const text = (editor.doc.getXmlFragment("body").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(10, 15);
    const reviewer = suite.connect(world.members.reviewer.token, world.draft.id);
    await synced(reviewer);
    reviewer.provider.disconnect();
    reviewer.provider.connect();
    await synced(reviewer);
    await pause(400);
    const connection = [...roomOf(world.draft.id).connections].find((c) => c.identity.user.id === world.members.reviewer.id)!;
    expect(connection.droppedFrames).toBeGreaterThan(0);
    expect(reviewer.durable.state).toMatchObject({ refused: null, unsaved: 0, link: "online" });
  });

  it("refuses edits while a submission holds the draft, and takes them again once it lets go", async () => {
    const world = await buildWorkspace(handle());
    const a = suite.connect(world.members.owner.token, world.draft.id);
    await synced(a);
    a.type("Before the hold.");
    await eventually(() => a.durable.state.unsaved, (n) => n === 0);
    await handle().db.transaction().execute((tx) => holdDraftForSubmission(tx, world.draft.id, 60_000));
    await suite.harness.collab.settle(world.draft.id);
    a.type(" During the hold.");
    const { reason, pieces } = await refusal(a);
    expect(reason).toBe("submitting");
    expect(pieces.map((p) => p.text)).toEqual(["During the hold."]);

    await releaseDraftHold(handle().db, world.draft.id);
    await suite.harness.collab.settle(world.draft.id);
    // A new session (the page resets after a refusal) edits again.
    const again = suite.connect(world.members.owner.token, world.draft.id);
    await synced(again);
    again.type(" After the hold.");
    await eventually(() => again.durable.state.unsaved, (n) => n === 0);
    expect(await stored(world.draft.id)).toBe("Before the hold. After the hold.");
  });

  it("reloads a room whose change the database refused, and the typist is told on reconnecting", async () => {
    const world = await buildWorkspace(handle());
    const a = suite.connect(world.members.owner.token, world.draft.id);
    const watcher = suite.connect(world.members.viewer.token, world.draft.id);
    await Promise.all([synced(a), synced(watcher)]);
    a.type("Stored words.");
    await eventually(() => a.durable.state.unsaved, (n) => n === 0);
    // Submitted behind this node's back (another node's submission it never heard of).
    await handle().db.updateTable("drafts").set({ status: "submitted" }).where("id", "=", world.draft.id).execute();
    a.type(" Words the database refuses.");
    const { reason, pieces } = await refusal(a, 8000);
    expect(reason).toBe("submitted");
    expect(pieces.map((p) => p.text)).toEqual(["Words the database refuses."]);
    // Nobody keeps the refused words: not the database, not the room. The other reader had
    // them broadcast before the store refused: it is told too, with nothing of its own unsaved,
    // so its page resets to the draft without a word (use-collab-session.ts).
    expect(await stored(world.draft.id)).toBe("Stored words.");
    expect(canonicalDocument(roomOf(world.draft.id).materialise()).text).toBe("Stored words.");
    const seen = await refusal(watcher, 8000);
    expect(seen.serverText).toBe("Stored words.");
    expect(watcher.durable.state.unsaved).toBe(0);
  });
});
