import { RecommendationInputSchema, type RecommendationInput, type RecommendationInputDraft } from "../core/library/records";

/** A valid recommendation (China's 2013 UPR, 186.60 by Ghana) with any fields overridden. */
export function buildRecommendation(overrides: Partial<RecommendationInputDraft> = {}): RecommendationInput {
  return RecommendationInputSchema.parse({
    mechanism: "UPR",
    body: "UPR",
    stateUnderReview: "CHN",
    recommendingStates: ["Ghana"],
    cycle: 2,
    session: "17",
    symbol: "A/HRC/25/5",
    paragraph: "186.60",
    text: "Keep up its commitment to uphold its human rights treaty obligations and engage constructively with the human rights mechanisms, including the special procedures",
    response: "supported",
    themes: ["UN mechanisms engagement", "Special procedures"],
    publicationDate: "2013-12-04",
    provenance: { source: "test", licence: null, retrievedAt: null },
    ...overrides,
  });
}
