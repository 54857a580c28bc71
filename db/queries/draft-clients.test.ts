import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/db/test-database";
import { buildWorkspace } from "../../test/factories";
import { listDraftClients, recordDraftClients } from "./draft-clients";

describeEachDatabase("draft clients", (handle) => {
  it("keeps the first sighting, skips a gone draft and keeps a gone user's client as unknown, in one batch", async () => {
    const world = await buildWorkspace(handle());
    const draftId = world.draft.id;
    const { owner, editor } = world.members;
    await recordDraftClients(handle().db, [
      { draftId, clientId: 1, userId: owner.id },
      // The largest Yjs client id: a uint32, past what a Postgres integer holds.
      { draftId, clientId: 2 ** 32 - 1, userId: editor.id },
      { draftId: randomUUID(), clientId: 3, userId: owner.id },
      { draftId, clientId: 4, userId: randomUUID() },
    ]);
    await recordDraftClients(handle().db, [{ draftId, clientId: 1, userId: editor.id }]);
    expect(await listDraftClients(handle().db, draftId)).toEqual(
      new Map<number, string | null>([
        [1, owner.id],
        [2 ** 32 - 1, editor.id],
        [4, null],
      ]),
    );
    expect(await handle().db.selectFrom("draft_clients").select("draft_id").where("client_id", "=", "3").execute()).toEqual([]);
  });
});
