import type { Message } from "../../core/i18n/message";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { beforeAll, expect, it } from "vitest";
import * as libraryPage from "../../app/routes/workspaces.$workspaceId.library";
import * as importPage from "../../app/routes/workspaces.$workspaceId.library_.import";
import * as importStream from "../../app/routes/workspaces.$workspaceId.library_.import[.]ndjson";
import * as exportFile from "../../app/routes/workspaces.$workspaceId.library_.export.$file";
import { findRecommendations, upsertRecommendations } from "../../db/queries/library-recommendations";
import { describeEachDatabase } from "../db/test-database";
import { buildUser, buildWorkspace, type TestUser } from "../factories";
import { buildRecommendation } from "../library-factories";
import { makeRequest, run, testContext } from "../remix";
import { fixtureFile, uploadRequest } from "./library-requests";

type World = Awaited<ReturnType<typeof buildWorkspace>>;
type PageData = Awaited<ReturnType<typeof libraryPage.loader>>;

// A State no other suite writes, so the shared rows below are the only shared ones a search sees.
const STATE = "BTN";

describeEachDatabase("library page", (handle) => {
  const ctx = () => testContext(handle());
  let w: World;
  let other: World;
  let stranger: TestUser;
  let sharedId = "";
  let otherId = "";
  const params = (world: World = w) => ({ workspaceId: world.workspace.id });
  const path = (rest = "") => `/workspaces/${w.workspace.id}/library${rest}`;
  const page = async (token: string, search = "") => run(libraryPage.loader, makeRequest(path(search), { token }), ctx(), params());
  const results = async (search: string) => (await page(w.members.viewer.token, search)).body as Extract<PageData, { errors: unknown[] }>;
  const del = (token: string, recommendationId: string) =>
    run(libraryPage.action, makeRequest(path(), { token, form: { intent: "delete-recommendation", recommendationId } }), ctx(), params());

  beforeAll(async () => {
    w = await buildWorkspace(handle());
    other = await buildWorkspace(handle());
    stranger = await buildUser(handle(), "Stranger");
    const { db } = handle();
    await upsertRecommendations(db, w.workspace.id, [
      buildRecommendation({ stateUnderReview: STATE, symbol: "A/HRC/22/6", paragraph: "123.1", recommendingStates: ["Norway"], text: "Protect human rights defenders from reprisals", themes: ["Human rights defenders"], cycle: 2 }),
      buildRecommendation({ stateUnderReview: STATE, symbol: "A/HRC/22/6", paragraph: "123.2", recommendingStates: ["Chile"], text: "Ratify the Optional Protocol to the Convention against Torture", response: "noted", cycle: 2 }),
      buildRecommendation({ mechanism: "TB", body: "CEDAW", stateUnderReview: STATE, symbol: "CEDAW/C/BTN/CO/8", paragraph: "27 (d)", recommendingStates: [], text: "Ensure that women defenders can work without harassment", response: null, cycle: null }),
    ]);
    await upsertRecommendations(db, null, [buildRecommendation({ stateUnderReview: STATE, symbol: "A/HRC/42/8", paragraph: "10.1", recommendingStates: ["Ghana"], text: "Abolish the death penalty in law", cycle: 3 })]);
    await upsertRecommendations(db, other.workspace.id, [buildRecommendation({ stateUnderReview: STATE, symbol: "A/HRC/42/8", paragraph: "10.2", text: "Another coalition's private note", cycle: 3 })]);
    const ids = await db.selectFrom("recommendations").select(["id", "workspace_id"]).where("state_under_review", "=", STATE).execute();
    sharedId = ids.find((r) => r.workspace_id === null)!.id;
    otherId = ids.find((r) => r.workspace_id === other.workspace.id)!.id;
  });

  it("is 404 to a stranger: page, import page, import, streamed import, export and delete", async () => {
    const token = stranger.token;
    const file = await fixtureFile("uhri-export.csv");
    const outcomes = [
      await page(token),
      await run(importPage.loader, makeRequest(path("/import"), { token }), ctx(), params()),
      await run(importPage.action, uploadRequest(path("/import"), { token, fields: { intent: "preview" }, file }), ctx(), params()),
      await run(importStream.action, uploadRequest(path("/import.ndjson"), { token, fields: { intent: "import" }, file }), ctx(), params()),
      ...(await Promise.all(
        ["recommendations.csv", "sources.json", "sources.csv"].map((name) =>
          run(exportFile.loader, makeRequest(path(`/export/${name}`), { token }), ctx(), { ...params(), file: name }),
        ),
      )),
      await del(token, otherId),
    ];
    expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 404));
  });

  it("is 403 to reviewers and viewers for importing and deleting, and hides those controls", async () => {
    const file = await fixtureFile("uhri-export.csv");
    const [own] = (await results("?body=CEDAW")).result.results;
    for (const member of [w.members.reviewer, w.members.viewer]) {
      const token = member.token;
      const statuses = [
        (await run(importPage.loader, makeRequest(path("/import"), { token }), ctx(), params())).status,
        (await run(importPage.action, uploadRequest(path("/import"), { token, fields: { intent: "preview" }, file }), ctx(), params())).status,
        (await run(importStream.action, uploadRequest(path("/import.ndjson"), { token, fields: { intent: "import" }, file }), ctx(), params())).status,
        (await del(token, own!.id)).status,
      ];
      expect(statuses).toEqual([403, 403, 403, 403]);
      expect((await page(token)).body).toMatchObject({ canEdit: false, canExport: true });
    }
    expect(await findRecommendations(handle().db, w.workspace.id, [own!.id])).toHaveLength(1);
  });

  it("searches the shared library and the coalition's own, never another coalition's", async () => {
    const all = await results(`?stateUnderReview=${STATE}`);
    expect(all.result.total).toBe(4);
    expect(all.result.results.filter((r) => r.workspaceId === null).map((r) => r.paragraph)).toEqual(["10.1"]);
    expect(all.result.results.some((r) => r.workspaceId === other.workspace.id)).toBe(false);
    expect(all.ownCount).toBe(3);
    expect(all.result.facets.body).toEqual(expect.arrayContaining([{ value: "UPR", count: 3 }, { value: "CEDAW", count: 1 }]));
  });

  it("narrows by facets and words from the URL, and pages", async () => {
    expect((await results(`?stateUnderReview=${STATE}&body=CEDAW`)).result.results.map((r) => r.paragraph)).toEqual(["27 (d)"]);
    expect((await results(`?stateUnderReview=${STATE}&cycle=2&response=noted`)).result.results.map((r) => r.paragraph)).toEqual(["123.2"]);
    const words = await results(`?q=${encodeURIComponent('"human rights defenders" -torture')}&stateUnderReview=${STATE}`);
    expect(words.result.results.map((r) => r.paragraph)).toEqual(["123.1"]);
    const reference = await results(`?q=${encodeURIComponent("A/HRC/22/6, para. 123.2")}`);
    expect(reference.result).toMatchObject({ mode: "reference", total: 1 });
    expect(reference.query).toMatchObject({ q: "A/HRC/22/6, para. 123.2", page: 1 });
    // An empty select in a GET form means "any".
    expect((await results(`?stateUnderReview=${STATE}&body=&page=2`)).result).toMatchObject({ total: 4, results: [] });
  });

  it("answers a malformed search with 400 and says which field", async () => {
    const outcome = await page(w.members.viewer.token, "?cycle=second");
    expect(outcome.status).toBe(400);
    expect((outcome.body as { errors: Message[] }).errors.map(createTranslator("en", UI_CATALOGUES.en).text).join(" ")).toMatch(/^Cycle: /);
  });

  it("lets an editor delete the coalition's own record (audited), never a shared or another coalition's", async () => {
    const own = (await results(`?stateUnderReview=${STATE}&response=noted`)).result.results[0]!;
    expect((await del(w.members.editor.token, sharedId)).status).toBe(403);
    expect((await del(w.members.editor.token, otherId)).status).toBe(404);
    const deleted = await del(w.members.editor.token, own.id);
    expect(deleted).toMatchObject({ status: 200, body: { ok: true, deleted: "Recommendation 123.2 (Chile), A/HRC/22/6, noted" } });
    expect(await findRecommendations(handle().db, w.workspace.id, [own.id, sharedId])).toHaveLength(1);
    expect(await findRecommendations(handle().db, other.workspace.id, [otherId])).toHaveLength(1);
    const events = await handle().db.selectFrom("audit_events").selectAll().where("workspace_id", "=", w.workspace.id).where("action", "=", "library.recommendation_deleted").execute();
    expect(events).toMatchObject([{ actor_id: w.members.editor.id, target_type: "recommendation", target_id: own.id, details: { symbol: "A/HRC/22/6", paragraph: "123.2" } }]);
    expect((await del(w.members.editor.token, own.id)).status).toBe(404);
  });
});
