/**
 * Builds db/seed/recommendations.json, the demo library, from the research data (docs/data.md),
 * read from ../shared/data beside the checkout (recommendations.json: UN recommendations quoted in real NGO submissions;
 * hc-annex-2019.json: the High Commissioner's 2019 annex to China). The app reads only the
 * JSON this writes, so it runs without ../shared.
 *
 *   npx tsx db/seed/build-recommendations.ts        (CAUCUS_SHARED_DATA=… to read elsewhere)
 *
 * Choices that are not obvious from the data:
 * - No symbol is invented. The one special-procedures item (a press release of UN experts on
 *   the Foreign NGO Law) has no UN document symbol and the schema requires one, so it is left
 *   out and reported when the script runs.
 * - The High Commissioner's letter has no symbol either. Its annex is filed under
 *   A/HRC/WG.6/31/CHN/2, the OHCHR compilation of UN information for that review: the letter
 *   says its areas come from that compilation (and the stakeholders' summary) and the annex
 *   follows its headings. The paragraph names the real place, "HC letter, annex item N", so a
 *   citation cannot be mistaken for a paragraph of the compilation.
 * - A/HRC/32/20 is a High Commissioner's report; LIBRARY_MECHANISMS has no OHCHR value, so it is
 *   filed as SP (the Council's non-UPR, non-treaty side) with body "OHCHR".
 * - A paragraph number the data marks as suspect ("176.65", almost certainly 186.65 misprinted
 *   in the source) is left empty rather than copied into citations.
 * - Recommending States take their UN short names ("Czech Republic" → "Czechia").
 */
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RecommendationInputSchema, type RecommendationInputDraft } from "../../core/library/records";
import { canonicalStateName, findStateCode } from "../../core/un/state-aliases";
import { THEME_LABELS } from "./theme-labels";

const HERE = dirname(fileURLToPath(import.meta.url));
export const SEED_PATH = join(HERE, "recommendations.json");
const RETRIEVED_AT = "2026-11-27"; // when the research data was taken into the project

const DEMO = { source: "Caucus demo library: UN records quoted in real NGO submissions", licence: "UN public record", retrievedAt: RETRIEVED_AT };
const ANNEX_PROVENANCE = {
  source: "Caucus demo library: High Commissioner's letter to China of 29 April 2019 (UPR follow-up), annex",
  licence: "UN public record",
  retrievedAt: RETRIEVED_AT,
};
const ANNEX_SYMBOL = "A/HRC/WG.6/31/CHN/2";

interface SourceRecommendation {
  key: string;
  id: string | null;
  idSuspect: boolean;
  text: string;
  recommendingStates: string[];
  stateUnderReview: string;
  mechanism: string;
  cycle: number | null;
  session: number | null;
  documentSymbol: string | null;
  date: string | null;
  response: string | null;
  themes: string[];
}
interface AnnexItem {
  id: string;
  text: string;
  themes: string[];
}
interface Annex {
  meta: { date: string; cycle: number; uprWorkingGroupSession: number; stateUnderReview: string };
  annex: { clusters: Array<{ heading: string; subheadings: Array<{ heading: string | null; items: AnnexItem[] }> }> };
}

const TREATY_BODIES = new Set(["CESCR", "CRC", "CAT", "CEDAW", "CCPR", "CERD", "CRPD", "CMW", "CED"]);

function themeLabels(slugs: readonly string[]): string[] {
  return slugs.map((slug) => {
    const label = THEME_LABELS[slug];
    if (!label) throw new Error(`No label for theme “${slug}”: add it to db/seed/theme-labels.ts`);
    return label;
  });
}

function requireState(name: string): string {
  const code = findStateCode(name);
  if (!code) throw new Error(`“${name}” is not a UN State`);
  return code;
}

/** "186.60" stays; "para. 4" → "4"; "paras. 15 and 46" → "15 and 46". */
function paragraphOf(record: SourceRecommendation): string {
  if (!record.id || record.idSuspect) return "";
  return record.id.replace(/^paras?\.\s*/, "");
}

function mechanismAndBody(record: SourceRecommendation): { mechanism: "UPR" | "TB" | "SP"; body: string } {
  if (record.mechanism === "UPR") return { mechanism: "UPR", body: "UPR" };
  if (TREATY_BODIES.has(record.mechanism)) return { mechanism: "TB", body: record.mechanism };
  if (record.mechanism.startsWith("OHCHR")) return { mechanism: "SP", body: "OHCHR" };
  return { mechanism: "SP", body: "Special procedures (group of UN experts)" };
}

export interface SeedBuild {
  records: RecommendationInputDraft[];
  skipped: Array<{ key: string; reason: string }>;
}

/** The demo library from the two research files, validated record by record. */
export function buildSeed(recommendations: { recommendations: SourceRecommendation[] }, annex: Annex): SeedBuild {
  const records: RecommendationInputDraft[] = [];
  const skipped: SeedBuild["skipped"] = [];
  for (const r of recommendations.recommendations) {
    if (!r.documentSymbol) {
      skipped.push({ key: r.key, reason: "no UN document symbol (a press release); the schema requires one" });
      continue;
    }
    records.push({
      ...mechanismAndBody(r),
      stateUnderReview: requireState(r.stateUnderReview),
      recommendingStates: r.recommendingStates.map((s) => (findStateCode(s) ? canonicalStateName(s) : s)),
      cycle: r.cycle,
      session: r.session === null ? null : String(r.session),
      symbol: r.documentSymbol,
      paragraph: paragraphOf(r),
      text: r.text,
      response: r.response,
      responseSource: null,
      themes: themeLabels(r.themes),
      publicationDate: r.date,
      externalIds: { caucusDemo: r.key },
      provenance: DEMO,
    });
  }

  let item = 0;
  for (const cluster of annex.annex.clusters) {
    for (const sub of cluster.subheadings) {
      for (const entry of sub.items) {
        item++;
        const themes = [cluster.heading, ...(sub.heading ? [sub.heading] : []), ...themeLabels(entry.themes)];
        records.push({
          mechanism: "UPR",
          body: "OHCHR",
          stateUnderReview: requireState(annex.meta.stateUnderReview),
          cycle: annex.meta.cycle,
          session: String(annex.meta.uprWorkingGroupSession),
          symbol: ANNEX_SYMBOL,
          paragraph: `HC letter, annex item ${item}`,
          text: entry.text,
          themes: [...new Set(themes)],
          publicationDate: annex.meta.date,
          externalIds: { caucusDemo: entry.id },
          provenance: ANNEX_PROVENANCE,
        });
      }
    }
  }
  for (const record of records) RecommendationInputSchema.parse(record);
  return { records, skipped };
}

async function main() {
  const dataDir = resolve(process.env.CAUCUS_SHARED_DATA ?? join(HERE, "../../../shared/data"));
  const read = async (file: string) => JSON.parse(await readFile(join(dataDir, file), "utf8"));
  const { records, skipped } = buildSeed(await read("recommendations.json"), await read("hc-annex-2019.json"));
  await writeFile(SEED_PATH, `${JSON.stringify(records, null, 2)}\n`);
  console.log(`Wrote ${records.length} recommendations to ${SEED_PATH}`);
  for (const s of skipped) console.log(`Left out ${s.key}: ${s.reason}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
