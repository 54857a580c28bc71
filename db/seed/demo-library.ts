import { readFile } from "node:fs/promises";
import { RecommendationInputSchema, SourceInputSchema } from "../../core/library/records";
import type { Executor } from "../queries/executor";
import { countRecommendations, upsertRecommendations } from "../queries/library-recommendations";
import { upsertSources } from "../queries/library-sources";

const seedFile = (name: string) => new URL(`./${name}`, import.meta.url);

/**
 * Fills an empty shared library with the demo library (real UN recommendations and sources
 * quoted in real NGO submissions; built by build-recommendations.ts and build-sources.ts), so a
 * fresh install has something to search. A shared library that already holds recommendations
 * (an operator's import) is left alone. Returns how many records were added.
 */
export async function seedDemoLibrary(db: Executor): Promise<{ recommendations: number; sources: number }> {
  if ((await countRecommendations(db, null)) > 0) return { recommendations: 0, sources: 0 };
  const [recommendations, sources] = await Promise.all([
    readFile(seedFile("recommendations.json"), "utf8").then((text) => RecommendationInputSchema.array().parse(JSON.parse(text))),
    readFile(seedFile("sources.json"), "utf8").then((text) => SourceInputSchema.array().parse(JSON.parse(text))),
  ]);
  return db.transaction().execute(async (trx) => {
    const counts = await upsertRecommendations(trx, null, recommendations);
    const stored = await upsertSources(trx, null, sources);
    return { recommendations: counts.inserted, sources: stored.inserted };
  });
}
