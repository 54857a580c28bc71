import { beforeAll, expect, it } from "vitest";
import { LibrarySearchSchema, NO_RESPONSE, type LibrarySearchInput } from "../../core/library/search-query";
import { buildWorkspace } from "../../test/factories";
import { buildRecommendation } from "../../test/library-factories";
import { describeEachDatabase } from "../../test/db/test-database";
import { findRecommendations, upsertRecommendations } from "./library-recommendations";
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
});
