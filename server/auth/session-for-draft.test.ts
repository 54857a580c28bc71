import { expect, it } from "vitest";
import { findSessionsWithDraftAccess } from "../../db/queries/upgrade-access";
import { describeEachDatabase } from "../../test/db/test-database";
import { buildUser, buildWorkspace } from "../../test/factories";
import { sessionForDraftValidator } from "./sessions";
import { hashToken } from "./tokens";

describeEachDatabase("reading many upgrades' sessions and access in one statement", (handle) => {
  it("answers each (session, draft) pair in the order asked, a stranger and a missing draft included", async () => {
    const { workspace, members, draft } = await buildWorkspace(handle());
    const other = await buildWorkspace(handle());
    const stranger = await buildUser(handle());
    const missingDraft = "00000000-0000-4000-8000-000000000000";
    const found = await findSessionsWithDraftAccess(handle().db, [
      { sessionId: hashToken(members.reviewer.token), draftId: draft.id },
      { sessionId: hashToken("not a session"), draftId: draft.id },
      { sessionId: hashToken(stranger.token), draftId: draft.id },
      { sessionId: hashToken(members.editor.token), draftId: missingDraft },
      { sessionId: hashToken(members.editor.token), draftId: other.draft.id },
      { sessionId: hashToken(members.owner.token), draftId: draft.id },
    ]);
    expect(found).toHaveLength(6);
    expect(found[0]).toMatchObject({ user: { id: members.reviewer.id }, access: { workspaceId: workspace.id, status: "drafting", role: "reviewer", missesTwoStep: false } });
    expect(found[1]).toBeUndefined();
    expect(found[2]).toMatchObject({ user: { id: stranger.id }, access: { workspaceId: workspace.id, role: null } });
    expect(found[3]).toMatchObject({ user: { id: members.editor.id }, access: null });
    expect(found[4]).toMatchObject({ user: { id: members.editor.id }, access: { workspaceId: other.workspace.id, role: null } });
    expect(found[5]).toMatchObject({ user: { id: members.owner.id }, access: { role: "owner" } });
    expect(await findSessionsWithDraftAccess(handle().db, [])).toEqual([]);
  });

  it("validates concurrent upgrades together, each with its own answer", async () => {
    const { workspace, members, draft } = await buildWorkspace(handle());
    const validate = sessionForDraftValidator(handle().db);
    const answers = await Promise.all([
      validate(members.editor.token, draft.id),
      validate("forged", draft.id),
      validate(members.viewer.token, draft.id),
    ]);
    expect(answers[0]).toMatchObject({ session: { user: { id: members.editor.id } }, access: { workspaceId: workspace.id, role: "editor" } });
    expect(answers[1]).toBeNull();
    expect(answers[2]).toMatchObject({ session: { user: { id: members.viewer.id } }, access: { role: "viewer" } });
  });
});
