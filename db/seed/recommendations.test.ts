import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { RecommendationInputSchema, recommendationDedupeKey, type RecommendationInputDraft } from "../../core/library/records";
import { SEED_PATH } from "./build-recommendations";

const seed = JSON.parse(await readFile(SEED_PATH, "utf8")) as RecommendationInputDraft[];
const records = seed.map((draft) => RecommendationInputSchema.parse(draft));
// The JSON is what the app reads; `npx tsx db/seed/build-recommendations.ts` rebuilds it from
// the research data, docs/data.md (deterministic: a rebuild with unchanged data leaves `git diff db/seed` empty).

describe("the demo library seed", () => {
  it("holds 48 quoted UN recommendations and the 60 items of the High Commissioner's 2019 annex, all valid", () => {
    for (const draft of seed) expect(RecommendationInputSchema.safeParse(draft).success, draft.text).toBe(true);
    expect(records).toHaveLength(108);
    expect(records.filter((r) => r.body === "OHCHR" && r.mechanism === "UPR")).toHaveLength(60);
    const count = (mechanism: string) => records.filter((r) => r.mechanism === mechanism).length;
    expect([count("UPR"), count("TB"), count("SP")]).toEqual([98, 8, 2]);
  });

  it("has no two records the importer would take for one", () => {
    const keys = records.map(recommendationDedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("maps paragraphs, States, themes and responses as the builder documents", () => {
    const find = (id: string) => records.find((r) => r.externalIds.caucusDemo === id)!;
    expect(find("upr2-chn-186.60-ghana")).toMatchObject({ symbol: "A/HRC/25/5", paragraph: "186.60", recommendingStates: ["Ghana"], response: "supported", cycle: 2 });
    expect(find("upr2-chn-186.157-cote-d-ivoire").recommendingStates).toEqual(["Côte d'Ivoire"]);
    expect(find("upr2-chn-176.65-canada").paragraph).toBe(""); // the source's misprint is not repeated
    expect(find("cescr-loi-2013-chn-para-4")).toMatchObject({ mechanism: "TB", body: "CESCR", paragraph: "4", response: null });
    expect(find("cescr-co-2005-chn-paras-15-46").paragraph).toBe("15 and 46");
    expect(find("hc-a-hrc-32-20-tolerant-culture")).toMatchObject({ mechanism: "SP", body: "OHCHR", symbol: "A/HRC/32/20" });
    expect(find("upr2-chn-186.62-switzerland").themes).toContain("Human rights defenders");
    expect(find("HC2019-01")).toMatchObject({
      symbol: "A/HRC/WG.6/31/CHN/2",
      paragraph: "HC letter, annex item 1",
      cycle: 3,
      publicationDate: "2019-04-29",
      themes: ["Scope of international obligations and cooperation with international human rights mechanisms and bodies", "Ratification of international instruments", "ICCPR", "Death penalty"],
    });
    expect(records.some((r) => r.externalIds.caucusDemo === "sp-2016-05-fngo-law-repeal")).toBe(false);
  });
});
