import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { LibrarySearchSchema, NO_RESPONSE, type LibrarySearchInput } from "../../core/library/search-query";
import { buildWorkspace } from "../../test/factories";
import { buildRecommendation } from "../../test/library-factories";
import { describeEachDatabase } from "../../test/db/test-database";
import { deleteWorkspaceRecommendation, findRecommendations, upsertRecommendations } from "./library-recommendations";
import { searchRecommendations } from "./library-search";

// Each suite writes into its own coalition library, so the shared library (written by other
// suites in the same database) never changes what these assertions see: every search below is
// narrowed to this suite's State under review.
const STATE = "GHA";

const records = [
  buildRecommendation({ stateUnderReview: STATE, symbol: "A/HRC/22/6", paragraph: "123.1", recommendingStates: ["Norway"], text: "Protect human rights defenders from reprisals and investigate attacks on them", themes: ["Human rights defenders"], response: "supported", cycle: 2 }),
  buildRecommendation({ stateUnderReview: STATE, symbol: "A/HRC/22/6", paragraph: "123.2", recommendingStates: ["Mexico", "Chile"], text: "Ratify the Optional Protocol to the Convention against Torture", themes: ["Torture and other CID treatment"], response: "noted", cycle: 2, sdgGoals: [16] }),
  buildRecommendation({ stateUnderReview: STATE, symbol: "A/HRC/22/6", paragraph: "123.3", recommendingStates: ["Ghana"], text: "Adopt a comprehensive anti-discrimination law covering all grounds", themes: ["Equality & non-discrimination"], response: "supported", cycle: 2, sdgGoals: [5, 10] }),
  buildRecommendation({ mechanism: "TB", body: "CEDAW", stateUnderReview: STATE, symbol: "CEDAW/C/GHA/CO/8", paragraph: "27 (d)", recommendingStates: [], text: "Ensure that women defenders can work without harassment", themes: ["Women & girls"], response: null, cycle: null }),
];

describeEachDatabase("library search", (handle) => {
  let workspaceId = "";
  let other = "";
  const search = (input: LibrarySearchInput) => searchRecommendations(handle().db, workspaceId, LibrarySearchSchema.parse({ stateUnderReview: STATE, ...input }));

  beforeAll(async () => {
    workspaceId = (await buildWorkspace(handle())).workspace.id;
    other = (await buildWorkspace(handle())).workspace.id;
    await upsertRecommendations(handle().db, workspaceId, records);
  });

  it("inserts, leaves identical rows alone, and updates a changed one", async () => {
    const { db } = handle();
    const first = await upsertRecommendations(db, other, records);
    expect(first).toEqual({ inserted: 4, updated: 0, unchanged: 0, duplicates: 0 });
    const again = await upsertRecommendations(db, other, records);
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 4, duplicates: 0 });
    const changed = await upsertRecommendations(db, other, [{ ...records[0]!, response: "noted" }]);
    expect(changed).toEqual({ inserted: 0, updated: 1, unchanged: 0, duplicates: 0 });
  });

  it("merges repeats within one input, the later one winning", async () => {
    const { db } = handle();
    const twice = [buildRecommendation({ stateUnderReview: STATE, paragraph: "9.1", text: "First wording" }), buildRecommendation({ stateUnderReview: STATE, paragraph: "9.1", text: "Second wording" })];
    expect(await upsertRecommendations(db, other, twice)).toEqual({ inserted: 1, updated: 0, unchanged: 0, duplicates: 1 });
    const stored = await searchRecommendations(db, other, LibrarySearchSchema.parse({ q: "9.1", stateUnderReview: STATE }));
    expect(stored.results.map((r) => r.text)).toEqual(["Second wording"]);
  });

  it("treats the recommending States as a set when deduplicating", async () => {
    const { db } = handle();
    const swapped = { ...records[1]!, recommendingStates: ["Chile", "Mexico"] };
    expect(await upsertRecommendations(db, workspaceId, [swapped])).toEqual({ inserted: 0, updated: 0, unchanged: 1, duplicates: 0 });
  });

  it("finds words with English stemming and ranks the closest first", async () => {
    const result = await search({ q: "human rights defenders" });
    expect(result.mode).toBe("fulltext");
    expect(result.results[0]!.paragraph).toBe("123.1");
    const stemmed = await search({ q: "defender" });
    expect(stemmed.results.map((r) => r.paragraph).sort()).toEqual(["123.1", "27 (d)"]);
  });

  it("honours websearch syntax: quoted phrases and exclusions", async () => {
    expect((await search({ q: '"optional protocol"' })).results.map((r) => r.paragraph)).toEqual(["123.2"]);
    expect((await search({ q: "defenders -women" })).results.map((r) => r.paragraph)).toEqual(["123.1"]);
  });

  it("finds a recommending State by name", async () => {
    const result = await search({ q: "Mexico" });
    expect(result.results.map((r) => r.paragraph)).toEqual(["123.2"]);
  });

  it("looks up a symbol and a recommendation number exactly", async () => {
    expect((await search({ q: "CEDAW/C/GHA/CO/8" })).results.map((r) => r.paragraph)).toEqual(["27 (d)"]);
    expect((await search({ q: "A/HRC/22/6, para. 123.2" })).results.map((r) => r.paragraph)).toEqual(["123.2"]);
    const byNumber = await search({ q: "123.3" });
    expect(byNumber.mode).toBe("reference");
    expect(byNumber.results.map((r) => r.paragraph)).toEqual(["123.3"]);
  });

  it("falls back to trigram similarity for a misspelt theme", async () => {
    const result = await search({ q: "discrimation" });
    expect(result.mode).toBe("similar");
    expect(result.results[0]!.paragraph).toBe("123.3");
  });

  it("counts facets over the matches and filters by them", async () => {
    const all = await search({});
    expect(all.total).toBe(4);
    expect(all.facets.body).toEqual([
      { value: "UPR", count: 3 },
      { value: "CEDAW", count: 1 },
    ]);
    expect(all.facets.response).toEqual([
      { value: "supported", count: 2 },
      { value: NO_RESPONSE, count: 1 },
      { value: "noted", count: 1 },
    ]);
    expect(all.facets.recommendingState.find((f) => f.value === "Chile")).toEqual({ value: "Chile", count: 1 });
    expect(all.facets.sdg).toEqual(expect.arrayContaining([{ value: "16", count: 1 }, { value: "5", count: 1 }]));
    const noted = await search({ response: "noted" });
    expect(noted.results.map((r) => r.paragraph)).toEqual(["123.2"]);
    expect((await search({ response: NO_RESPONSE })).results.map((r) => r.body)).toEqual(["CEDAW"]);
    expect((await search({ theme: "Human rights defenders" })).total).toBe(1);
    expect((await search({ sdg: 10 })).results.map((r) => r.paragraph)).toEqual(["123.3"]);
    expect((await search({ recommendingState: "Chile", cycle: 2 })).total).toBe(1);
  });

  it("never shows another coalition's records", async () => {
    const { db } = handle();
    const mine = await search({});
    const ids = mine.results.map((r) => r.id);
    expect(await findRecommendations(db, other, ids)).toEqual([]);
    const theirs = await searchRecommendations(db, other, LibrarySearchSchema.parse({ q: "123.3", stateUnderReview: STATE }));
    expect(theirs.results.every((r) => r.workspaceId === other)).toBe(true);
  });

  it("reads records back with their arrays, dates and provenance intact", async () => {
    const [record] = (await search({ q: "123.2" })).results;
    expect(record).toMatchObject({
      recommendingStates: ["Mexico", "Chile"],
      sdgGoals: [16],
      publicationDate: "2013-12-04",
      cycle: 2,
      provenance: { source: "test", licence: null, retrievedAt: null },
    });
  });

  // The searches below use States of their own, in fresh coalitions, so they change nothing the
  // assertions above see.
  const inFresh = async (state: string, own: Parameters<typeof buildRecommendation>[0][], shared: Parameters<typeof buildRecommendation>[0][] = []) => {
    const { db } = handle();
    const id = (await buildWorkspace(handle())).workspace.id;
    await upsertRecommendations(db, id, own.map((fields) => buildRecommendation({ stateUnderReview: state, ...fields })));
    await upsertRecommendations(db, null, shared.map((fields) => buildRecommendation({ stateUnderReview: state, ...fields })));
    return (input: LibrarySearchInput) => searchRecommendations(db, id, LibrarySearchSchema.parse({ stateUnderReview: state, ...input }));
  };

  it("browses newest first, then by symbol and paragraph number, across the shared and own libraries", async () => {
    const find = await inFresh(
      "NOR",
      [
        { symbol: "A/HRC/27/15", paragraph: "186.60", publicationDate: "2014-07-01" },
        { symbol: "A/HRC/27/15", paragraph: "186.9", publicationDate: "2014-07-01" },
        { symbol: "A/HRC/13/5", paragraph: "97.2", publicationDate: "2010-01-04" },
        { symbol: "A/HRC/27/15", paragraph: "186.10", publicationDate: null },
      ],
      [{ symbol: "A/HRC/27/15", paragraph: "186.20", publicationDate: "2014-07-01" }, { symbol: "A/HRC/42/9", paragraph: "1.1", publicationDate: "2019-07-01" }],
    );
    const all = await find({});
    expect(all.results.map((r) => r.paragraph)).toEqual(["1.1", "186.9", "186.20", "186.60", "97.2", "186.10"]);
    expect(all.results.map((r) => r.workspaceId === null)).toEqual([true, false, true, false, false, false]);
    const page = await find({ offset: 2, limit: 3 });
    expect(page.total).toBe(6);
    expect(page.results.map((r) => r.paragraph)).toEqual(["186.20", "186.60", "97.2"]);
    expect(all.facets.body).toEqual([{ value: "UPR", count: 6 }]);
  });

  it("sees a write that bypassed this module, as another node's would be", async () => {
    const find = await inFresh("ISL", [{ paragraph: "5.1", response: "supported" }, { paragraph: "5.2", response: "supported" }]);
    expect((await find({})).facets.response).toEqual([{ value: "supported", count: 2 }]);
    await sql`update recommendations set response = 'noted' where state_under_review = 'ISL' and paragraph = '5.1'`.execute(handle().db);
    const after = await find({});
    expect(after.facets.response).toEqual([
      { value: "noted", count: 1 },
      { value: "supported", count: 1 },
    ]);
    expect((await find({ response: "noted" })).results.map((r) => r.paragraph)).toEqual(["5.1"]);
  });

  it("forgets a deleted record in results and counts", async () => {
    const { db } = handle();
    const find = await inFresh("FIN", [{ paragraph: "7.1", themes: ["Right to health"] }, { paragraph: "7.2", themes: ["Right to health"] }]);
    const before = await find({ theme: "Right to health" });
    expect(before.total).toBe(2);
    const gone = before.results[0]!;
    expect(await deleteWorkspaceRecommendation(db, gone.workspaceId!, gone.id)).toBe(true);
    const after = await find({ theme: "Right to health" });
    expect(after.total).toBe(1);
    expect(after.results.map((r) => r.id)).not.toContain(gone.id);
    expect(after.facets.theme).toEqual([{ value: "Right to health", count: 1 }]);
  });

  it("clears a deleted coalition's records out of the search tables with them", async () => {
    const { db } = handle();
    const id = (await buildWorkspace(handle())).workspace.id;
    await upsertRecommendations(db, id, [buildRecommendation({ stateUnderReview: "EST", paragraph: "3.1" })]);
    const searchRows = () => db.selectFrom("recommendation_search").select((eb) => eb.fn.countAll<string>().as("n")).where("library_key", "=", id).executeTakeFirstOrThrow();
    expect(Number((await searchRows()).n)).toBe(1);
    await db.deleteFrom("workspaces").where("id", "=", id).execute();
    expect(Number((await searchRows()).n)).toBe(0);
  });

  it("matches a misspelt recommending State or affected group to its records", async () => {
    const find = await inFresh("DNK", [
      { paragraph: "8.1", recommendingStates: ["Liechtenstein"], affectedPersons: [] },
      { paragraph: "8.2", recommendingStates: ["Peru"], affectedPersons: ["Persons with disabilities"] },
    ]);
    expect((await find({ q: "Lichtenstein" })).results.map((r) => r.paragraph)).toEqual(["8.1"]);
    const group = await find({ q: "disabilites" });
    expect(group.mode).toBe("similar");
    expect(group.results.map((r) => r.paragraph)).toEqual(["8.2"]);
  });

  it("keeps labels whole that hold the characters the index is packed with", async () => {
    const odd = "Odd\u001ename\u001f\u001d";
    const find = await inFresh("SWE", [{ paragraph: "9.1", themes: [odd, "Right to work"], recommendingStates: ["Chile"] }, { paragraph: "9.2", themes: ["Right to work"] }]);
    const all = await find({});
    expect(all.total).toBe(2);
    expect(all.facets.theme).toEqual([
      { value: "Right to work", count: 2 },
      { value: odd, count: 1 },
    ]);
    expect((await find({ theme: odd })).results.map((r) => r.paragraph)).toEqual(["9.1"]);
  });
});
