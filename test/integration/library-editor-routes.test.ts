import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import type { Message } from "../../core/i18n/message";
import { beforeAll, expect, it } from "vitest";
import * as records from "../../app/routes/workspaces.$workspaceId.library_.records";
import * as search from "../../app/routes/workspaces.$workspaceId.library_.search";
import * as sources from "../../app/routes/workspaces.$workspaceId.library_.sources";
import { upsertRecommendations } from "../../db/queries/library-recommendations";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { buildRecommendation } from "../library-factories";
import { makeRequest, runJson, testContext } from "../remix";

// Rows' problems are messages; these tests read them as an English reader does.
const english = createTranslator("en", UI_CATALOGUES.en);

type Built = Awaited<ReturnType<typeof buildWorkspace>>;

// The JSON routes behind the editor's Library tab and citation picker (authorisation for every
// role is in authz-matrix.test.ts; this file checks what they answer).
describeEachDatabase("the editor's library routes", (handle) => {
  let built: Built;
  let other: Built;
  const at = (w: Built, rest: string) => `/workspaces/${w.workspace.id}/library${rest}`;
  const params = (w: Built) => ({ workspaceId: w.workspace.id });

  beforeAll(async () => {
    built = await buildWorkspace(handle());
    other = await buildWorkspace(handle());
    await upsertRecommendations(handle().db, built.workspace.id, [buildRecommendation({ stateUnderReview: "NOR", paragraph: "101.1", text: "Protect human rights defenders online" })]);
  });

  it("searches as JSON with facets, and refuses a malformed filter with 400", async () => {
    const context = testContext(handle());
    const found = await runJson(search.loader, makeRequest(at(built, "/search?q=defenders&stateUnderReview=NOR"), { token: built.members.viewer.token }), context, params(built));
    expect(found.status).toBe(200);
    const body = found.body as { total: number; results: Array<{ paragraph: string }>; facets: { body: unknown[] } };
    expect(body.results.map((r) => r.paragraph)).toEqual(["101.1"]);
    expect(body.facets.body).toEqual([{ value: "UPR", count: 1 }]);
    const bad = await runJson(search.loader, makeRequest(at(built, "/search?sdg=99"), { token: built.members.viewer.token }), context, params(built));
    expect(bad.status).toBe(400);
  });

  it("answers records by id only within the workspace's reach", async () => {
    const context = testContext(handle());
    const found = await runJson(search.loader, makeRequest(at(built, "/search?q=101.1&stateUnderReview=NOR"), { token: built.members.owner.token }), context, params(built));
    const id = (found.body as { results: Array<{ id: string }> }).results[0]!.id;
    const mine = await runJson(records.loader, makeRequest(at(built, `/records?id=${id}`), { token: built.members.viewer.token }), context, params(built));
    expect((mine.body as { records: Array<{ id: string }> }).records.map((r) => r.id)).toEqual([id]);
    const theirs = await runJson(records.loader, makeRequest(at(other, `/records?id=${id}`), { token: other.members.owner.token }), context, params(other));
    expect((theirs.body as { records: unknown[] }).records).toEqual([]);
    const malformed = await runJson(records.loader, makeRequest(at(built, "/records?id=not-a-uuid"), { token: built.members.viewer.token }), context, params(built));
    expect(malformed.status).toBe(400);
  });

  it("adds the source a recommendation's footnote cites once, then finds it", async () => {
    const context = testContext(handle());
    const post = (form: Record<string, string>) => runJson(sources.action, makeRequest(at(built, "/sources"), { token: built.members.editor.token, form }), context, params(built));
    const first = await post({ intent: "ensure-symbol", symbol: "A/HRC/22/6 " });
    const source = (first.body as { source: { id: string; label: string; shared: boolean } }).source;
    expect(source).toMatchObject({ label: "A/HRC/22/6", shared: false });
    const again = await post({ intent: "ensure-symbol", symbol: "A/HRC/22/6" });
    expect((again.body as { source: { id: string } }).source.id).toBe(source.id);
    const picked = await runJson(sources.loader, makeRequest(at(built, "/sources?q=A%2FHRC%2F22%2F6"), { token: built.members.reviewer.token }), context, params(built));
    expect((picked.body as { sources: Array<{ id: string }> }).sources.map((s) => s.id)).toContain(source.id);
    const invalid = await post({ intent: "ensure-symbol", symbol: "not a symbol" });
    expect(invalid.status).toBe(422);
    // The pre-flight check asks which cited sources still exist: another coalition's is not.
    const gone = "00000000-0000-4000-8000-000000000001";
    const known = await runJson(sources.loader, makeRequest(at(built, `/sources?id=${source.id}&id=${gone}`), { token: built.members.viewer.token }), context, params(built));
    expect((known.body as { known: string[] }).known).toEqual([source.id]);
    const theirs = await runJson(sources.loader, makeRequest(at(other, `/sources?id=${source.id}`), { token: other.members.viewer.token }), context, params(other));
    expect((theirs.body as { known: string[] }).known).toEqual([]);
  });

  it("turns a typed footnote into a source and returns its pinpoint", async () => {
    const context = testContext(handle());
    const post = (text: string) =>
      runJson(sources.action, makeRequest(at(built, "/sources"), { token: built.members.owner.token, form: { intent: "from-footnote", text } }), context, params(built));
    const typed = await post("Committee on Economic, Social and Cultural Rights, Concluding observations on China, E/C.12/CHN/CO/2, 13 June 2014, para. 13.");
    expect(typed.status).toBe(200);
    expect(typed.body).toMatchObject({ source: { unSymbol: "E/C.12/CHN/CO/2", label: "E/C.12/CHN/CO/2" }, pinpoint: "para. 13" });
    const pointer = await post("Ibid., para. 14.");
    expect(pointer.status).toBe(422);
    expect(english.text((pointer.body as { error: Message }).error)).toMatch(/points at another note/);
  });
});
