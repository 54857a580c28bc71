import { beforeAll, expect, it } from "vitest";
import * as checks from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.checks";
import type { DraftCheck } from "../../server/checks/check-draft";
import { describeEachDatabase } from "../db/test-database";
import { buildDraftWithProblems } from "../draft-content-factories";
import { buildUser, buildWorkspace } from "../factories";
import { makeRequest, runJson, testContext } from "../remix";

type Built = Awaited<ReturnType<typeof buildDraftWithProblems>>;

// The JSON the export screen reads before it exports (authorisation for every role is in
// authz-matrix.test.ts; this file checks what the route answers and to whom it answers 404).
describeEachDatabase("the draft checks route", (handle) => {
  let built: Built;
  const at = (workspaceId: string, draftId: string) => `/workspaces/${workspaceId}/drafts/${draftId}/checks`;
  const get = (token: string, workspaceId: string, draftId: string) => runJson(checks.loader, makeRequest(at(workspaceId, draftId), { token }), testContext(handle()), { workspaceId, draftId });

  beforeAll(async () => {
    built = await buildDraftWithProblems(handle());
  });

  it("gives any member the stored draft's report, findings placed", async () => {
    const outcome = await get(built.world.members.viewer.token, built.world.workspace.id, built.draft.id);
    expect(outcome.status).toBe(200);
    const body = outcome.body as DraftCheck;
    expect(body.draft.id).toBe(built.draft.id);
    expect(body.template?.slug).toBe("upr-individual");
    expect(body.totals.errors).toBeGreaterThan(0);
    expect(body.report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "footnote.empty", where: { id: "checks.place.note", values: { n: 1 } } }),
        expect.objectContaining({ rule: "recommendation.unknown", where: { id: "checks.place.para", values: { n: 4 } } }),
      ]),
    );
  });

  it("answers 404 to a stranger, and to a member asking through another workspace", async () => {
    const stranger = await buildUser(handle(), "Stranger");
    expect((await get(stranger.token, built.world.workspace.id, built.draft.id)).status).toBe(404);
    const other = await buildWorkspace(handle());
    expect((await get(other.members.owner.token, other.workspace.id, built.draft.id)).status).toBe(404);
  });
});
