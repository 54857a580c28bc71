import type { Node as PMNode } from "@tiptap/pm/model";
import { z } from "zod";
import { citedRecommendationNumbers, type RecommendationTexts } from "../../core/checks/recommendation-rules";
import { LibrarySearchSchema } from "../../core/library/search-query";
import type { Executor } from "../../db/queries/executor";
import { searchRecommendations } from "../../db/queries/library-search";
import { findSources } from "../../db/queries/library-sources";

/** As the editor asks (app/editor/library/recommendation-lookups.ts): one number in several cycles' reports. */
const TEXTS_PER_NUMBER = 10;
/** A submission cites a few dozen numbers; a file citing thousands gets the first 500 looked up, not a query each. */
const MAX_NUMBERS = 500;

const SourceId = z.uuid();

/**
 * The library sources the draft's citations point at that the workspace can no longer read. An
 * id that is not a UUID cannot be a source (and would make PostgreSQL refuse the whole query),
 * so it is not asked about and counts as missing, like one to a deleted source.
 */
export async function findMissingSourceIds(db: Executor, workspaceId: string, doc: PMNode): Promise<ReadonlySet<string>> {
  const cited = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === "citation" && node.attrs.sourceId) cited.add(String(node.attrs.sourceId));
    return true;
  });
  const ids = [...cited].filter((id) => SourceId.safeParse(id).success);
  const found = new Set((await findSources(db, workspaceId, ids)).map((source) => source.id));
  return new Set([...cited].filter((id) => !found.has(id)));
}

/**
 * The library's texts for each UPR recommendation number the draft cites, for its State under
 * review: the same search the editor's Checks tab sends (q = the number, UPR, the State), so a
 * number is "unknown" on the server exactly when it is in the browser.
 */
export async function lookUpCitedRecommendations(db: Executor, workspaceId: string, stateUnderReview: string, doc: PMNode): Promise<RecommendationTexts> {
  return lookUpRecommendationTexts(db, workspaceId, stateUnderReview, citedRecommendationNumbers(doc).map((cited) => cited.number));
}

/** The library's texts for each of these recommendation numbers, for the State under review. */
export async function lookUpRecommendationTexts(db: Executor, workspaceId: string, stateUnderReview: string, cited: readonly string[]): Promise<RecommendationTexts> {
  const numbers = [...new Set(cited)].slice(0, MAX_NUMBERS);
  const known = new Map<string, string[]>();
  // One at a time: PGlite answers one statement at a time anyway, and a draft cites a few dozen at most.
  for (const number of numbers) {
    const search = LibrarySearchSchema.parse({ q: number, stateUnderReview, body: "UPR", limit: TEXTS_PER_NUMBER });
    const result = await searchRecommendations(db, workspaceId, search);
    known.set(number, result.results.map((record) => record.text));
  }
  return known;
}
