import { sql } from "kysely";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../core/collab/close-codes";
import { draftDocName } from "../../core/collab/doc-name";
import { canonicalDocument } from "../../core/editor/canonical";
import { findMembership } from "../../db/queries/memberships";
import * as members from "../../app/routes/workspaces.$workspaceId.members";
import { describeEachDatabase } from "../db/test-database";
import { buildUser, buildWorkspace } from "../factories";
import { makeRequest, run, testContext } from "../remix";
import { attemptConnection, eventually, synced, collabSuite } from "./harness";

describeEachDatabase("collaboration server", (handle) => {
  const suite = collabSuite(handle, { maxFrameBytes: 64 * 1024 });
  const connect = suite.connect;

  it("converges two editors typing at once, and gives a latecomer the whole document", async () => {
    const world = await buildWorkspace(handle());
    const a = connect(world.members.owner.token, world.draft.id);
    const b = connect(world.members.editor.token, world.draft.id);
    await Promise.all([synced(a), synced(b)]);
    a.type("Ghana ");
    for (let i = 0; i < 20; i++) {
      a.type(`a${i} `);
      b.type(`b${i} `);
    }
    const expected = await eventually(() => a.text(), (t) => t.length > 0 && t === b.text() && t.split(" ").length > 40);
    for (let i = 0; i < 20; i++) {
      expect(expected).toContain(`a${i} `);
      expect(expected).toContain(`b${i} `);
    }
    const late = connect(world.members.viewer.token, world.draft.id);
    await synced(late);
    expect(late.text()).toBe(expected);
  });

  it("drops a reviewer's and a viewer's changes, but passes their presence", async () => {
    const world = await buildWorkspace(handle());
    const editor = connect(world.members.editor.token, world.draft.id);
    await synced(editor);
    editor.type("Original text.");
    for (const role of ["reviewer", "viewer"] as const) {
      const reader = connect(world.members[role].token, world.draft.id);
      await synced(reader);
      await eventually(() => reader.text(), (t) => t === "Original text.");
      reader.provider.awareness.setLocalStateField("user", { name: role });
      reader.type(` ${role} was here`);
      // Shown under the account's name: the server binds presence to the socket's user.
      const accountName = world.members[role].name;
      await eventually(
        () => [...editor.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name),
        (names) => names.includes(accountName),
      );
      // The editor and the server still hold the original; the dropped frames were counted.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(editor.text()).toBe("Original text.");
      const room = suite.harness.collab.rooms.get(draftDocName(world.draft.id))!;
      expect(canonicalDocument(room.materialise()).text).toBe("Original text.");
      const connection = [...room.connections].find((c) => c.identity.user.id === world.members[role].id)!;
      expect(connection.droppedFrames).toBeGreaterThan(0);
    }
  });

  it("refuses no cookie, an expired session and a foreign Origin at the HTTP level", async () => {
    const world = await buildWorkspace(handle());
    const url = `${suite.harness.url}/${draftDocName(world.draft.id)}`;
    expect(await attemptConnection(url, { origin: suite.harness.origin })).toEqual({ status: 401 });
    const cookie = `caucus_session=${world.members.editor.token}`;
    expect(await attemptConnection(url, { origin: "https://evil.example", cookie })).toEqual({ status: 403 });
    await handle().db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).where("user_id", "=", world.members.editor.id).execute();
    expect(await attemptConnection(url, { origin: suite.harness.origin, cookie })).toEqual({ status: 401 });
    expect(await attemptConnection(`${suite.harness.url}/not-a-draft`, { origin: suite.harness.origin })).toEqual({ status: 404 });
  });

  it("closes a stranger and a missing draft with DocumentNotFound, and the client stops retrying", async () => {
    const world = await buildWorkspace(handle());
    const stranger = await buildUser(handle(), "Stranger");
    const headers = { origin: suite.harness.origin, cookie: `caucus_session=${stranger.token}` };
    expect(await attemptConnection(`${suite.harness.url}/${draftDocName(world.draft.id)}`, headers)).toEqual({ code: CloseCode.DocumentNotFound });
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await attemptConnection(`${suite.harness.url}/${draftDocName(missing)}`, headers)).toEqual({ code: CloseCode.DocumentNotFound });
    const client = connect(stranger.token, world.draft.id);
    await eventually(() => client.closes.length, (n) => n === 1);
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.closes[0]!.code).toBe(CloseCode.DocumentNotFound);
  });

  it("closes a removed member's and a demoted editor's sockets with AuthorizationChanged within a second", async () => {
    const world = await buildWorkspace(handle());
    const collabControl = { revalidate: (f: Parameters<typeof suite.harness.collab.revalidate>[0]) => suite.harness.collab.revalidate(f), announce: () => {}, settle: async () => {}, applyStoredChange: () => {} };
    const ctx = testContext(handle(), undefined, collabControl);
    const viewer = connect(world.members.viewer.token, world.draft.id);
    const editor = connect(world.members.editor.token, world.draft.id);
    await Promise.all([synced(viewer), synced(editor)]);
    const viewerMembership = await findMembership(handle().db, world.workspace.id, world.members.viewer.id);
    const editorMembership = await findMembership(handle().db, world.workspace.id, world.members.editor.id);
    const owner = world.members.owner.token;
    const started = Date.now();
    await run(members.action, makeRequest("/m", { token: owner, form: { intent: "remove-member", membershipId: viewerMembership!.id } }), ctx, { workspaceId: world.workspace.id });
    await run(members.action, makeRequest("/m", { token: owner, form: { intent: "update-member", membershipId: editorMembership!.id, role: "reviewer", organisationId: "" } }), ctx, { workspaceId: world.workspace.id });
    await eventually(() => viewer.closes.length + editor.closes.length, (n) => n === 2, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(viewer.closes[0]!.code).toBe(CloseCode.AuthorizationChanged);
    expect(editor.closes[0]!.code).toBe(CloseCode.AuthorizationChanged);
    // No reconnect loop: a second later neither has come back.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const room = suite.harness.collab.rooms.get(draftDocName(world.draft.id));
    expect(room ? room.connections.size : 0).toBe(0);
  });

  it("closes an oversized frame with MessageTooLarge and keeps serving the others", async () => {
    const world = await buildWorkspace(handle());
    const big = connect(world.members.owner.token, world.draft.id);
    const other = connect(world.members.editor.token, world.draft.id);
    await Promise.all([synced(big), synced(other)]);
    big.type("x".repeat(100 * 1024));
    await eventually(() => big.closes.length, (n) => n === 1);
    expect(big.closes[0]!.code).toBe(CloseCode.MessageTooLarge);
    const third = connect(world.members.reviewer.token, world.draft.id);
    other.type("still here");
    await eventually(() => third.text(), (t) => t === "still here");
  });

  it("keeps the document across a restart: flushed on shutdown, loaded from the database", async () => {
    const world = await buildWorkspace(handle());
    const a = connect(world.members.owner.token, world.draft.id);
    await synced(a);
    a.type("Paragraph one survives a restart.");
    await eventually(() => suite.harness.collab.rooms.get(draftDocName(world.draft.id))?.materialise(), (d) => Boolean(d && canonicalDocument(d).text.includes("survives")));
    a.destroy();
    // Empty for the grace period → flushed, compacted and evicted from memory.
    await eventually(() => suite.harness.collab.rooms.get(draftDocName(world.draft.id)), (room) => room === undefined);
    await suite.restart();
    const b = connect(world.members.editor.token, world.draft.id);
    await synced(b);
    expect(b.text()).toBe("Paragraph one survives a restart.");
    // The evicted room was compacted: snapshot + canonical text.
    const snapshot = await handle().db.selectFrom("draft_snapshots").select(["text", "content"]).where("draft_id", "=", world.draft.id).executeTakeFirst();
    expect(snapshot?.text).toBe("Paragraph one survives a restart.");
    expect(Y.encodeStateVector(b.doc).byteLength).toBeGreaterThan(1);
  });

  it("keeps a room with unsaved changes in memory while the database refuses writes, then saves it", async () => {
    const world = await buildWorkspace(handle());
    const name = draftDocName(world.draft.id);
    const a = connect(world.members.owner.token, world.draft.id);
    await synced(a);
    // A real failure: the table the log is appended to is gone for a while.
    await sql`alter table draft_updates rename to draft_updates_paused`.execute(handle().db);
    try {
      a.type("Written while the database was down.");
      await eventually(() => suite.harness.collab.rooms.get(name)?.materialise(), (d) => Boolean(d && canonicalDocument(d).text.includes("down")));
      a.destroy();
      // Well past the 50 ms grace period: the empty room tried to close, and must not have.
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(suite.harness.collab.rooms.get(name)).toBeDefined();
    } finally {
      await sql`alter table draft_updates_paused rename to draft_updates`.execute(handle().db);
    }
    await eventually(() => suite.harness.collab.rooms.get(name), (room) => room === undefined, 15_000);
    const snapshot = await handle().db.selectFrom("draft_snapshots").select("text").where("draft_id", "=", world.draft.id).executeTakeFirst();
    expect(snapshot?.text).toBe("Written while the database was down.");
  });
});
