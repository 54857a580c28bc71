import { expect, it } from "vitest";
import { draftDocName } from "../../core/collab/doc-name";
import { listDraftClients } from "../../db/queries/draft-clients";
import { upsertMembership } from "../../db/queries/memberships";
import { createOrganisation } from "../../db/queries/organisations";
import { countWordsByOrganisation } from "../../server/checks/words-by-organisation";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { collabSuite, eventually, synced } from "./harness";

/** Polls an async read until `check` passes (the registry writes in batches, after the broadcast). */
async function eventuallyAsync<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms; last value: ${JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v] : v))}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeEachDatabase("the client registry over the collaboration server", (handle) => {
  const suite = collabSuite(handle);

  it("records which member each typing client is, and nothing for a reviewer's dropped edit", async () => {
    const world = await buildWorkspace(handle());
    const db = handle().db;
    const amnesty = (await createOrganisation(db, world.workspace.id, { name: "Amnesty Ghana", acronym: "AG", confidential: false }))!;
    const clinic = (await createOrganisation(db, world.workspace.id, { name: "Legal Aid Clinic", acronym: "LAC", confidential: true }))!;
    await upsertMembership(db, { workspaceId: world.workspace.id, userId: world.members.owner.id, role: "owner", organisationId: amnesty.id });
    await upsertMembership(db, { workspaceId: world.workspace.id, userId: world.members.editor.id, role: "editor", organisationId: clinic.id });

    const owner = suite.connect(world.members.owner.token, world.draft.id);
    const editor = suite.connect(world.members.editor.token, world.draft.id);
    const reviewer = suite.connect(world.members.reviewer.token, world.draft.id);
    await Promise.all([synced(owner), synced(editor), synced(reviewer)]);

    owner.type("Torture persists in police detention. ");
    await eventually(() => editor.text(), (t) => t.endsWith("detention. "));
    editor.type("Reform is overdue.");
    reviewer.type(" The reviewer would add this.");
    const room = suite.harness.collab.rooms.get(draftDocName(world.draft.id))!;
    const reviewerSocket = [...room.connections].find((c) => c.identity.user.id === world.members.reviewer.id)!;
    await eventually(() => reviewerSocket.droppedFrames, (n) => n > 0);

    const clients = await eventuallyAsync(() => listDraftClients(db, world.draft.id), (rows) => rows.size >= 2);
    expect(clients.get(owner.doc.clientID)).toBe(world.members.owner.id);
    expect(clients.get(editor.doc.clientID)).toBe(world.members.editor.id);
    // Dropped before it was applied: the reviewer's client was never seen as a writer.
    expect(clients.has(reviewer.doc.clientID)).toBe(false);
    expect([...clients.values()]).not.toContain(world.members.reviewer.id);
    expect(clients.size).toBe(2);

    // End to end: once the text is stored, each organisation gets its member's words.
    await eventuallyAsync(
      () => countWordsByOrganisation(db, world.draft),
      (result) => result.counted === 8 && result.rows.every((row) => row.kind === "organisation"),
    );
    const result = await countWordsByOrganisation(db, world.draft);
    expect(result.rows.map(({ label, words, share, confidential }) => ({ label, words, share, confidential }))).toEqual([
      { label: "Amnesty Ghana (AG)", words: 5, share: 5 / 8, confidential: false },
      { label: "Legal Aid Clinic (LAC)", words: 3, share: 3 / 8, confidential: true },
    ]);
  });

  it("records a client once however many changes it sends, and again after a reconnect as a new client", async () => {
    const world = await buildWorkspace(handle());
    const db = handle().db;
    const first = suite.connect(world.members.editor.token, world.draft.id);
    await synced(first);
    for (const word of ["One ", "two ", "three "]) first.type(word);
    await eventuallyAsync(() => listDraftClients(db, world.draft.id), (rows) => rows.size === 1);
    first.destroy();
    // A reload is a new Y.Doc, so a new client id: the same person, a second row.
    const second = suite.connect(world.members.editor.token, world.draft.id);
    await synced(second);
    second.type("four");
    const clients = await eventuallyAsync(() => listDraftClients(db, world.draft.id), (rows) => rows.size === 2);
    expect([...clients.values()]).toEqual([world.members.editor.id, world.members.editor.id]);
    const rows = await db.selectFrom("draft_clients").select("client_id").where("draft_id", "=", world.draft.id).execute();
    expect(rows.map((r) => Number(r.client_id)).sort()).toEqual([first.doc.clientID, second.doc.clientID].sort());
  });
});
