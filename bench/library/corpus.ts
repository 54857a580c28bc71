/**
 * A realistic library of N recommendations, built from the shapes of real records (UPR
 * Working Group reports, treaty-body concluding observations, special procedures): the real
 * distribution of mechanisms, verbs and themes, 1–3 recommending States per UPR item, numbered
 * paragraphs like 186.60 and 27 (d). Deterministic for a given seed, so runs compare.
 */
import { RecommendationInputSchema, recommendationDedupeKey, type RecommendationInput } from "../../core/library/records";
import { UN_STATES } from "../../core/un/states";

const VERBS = [
  ["Ratify", 5], ["Adopt", 5], ["Establish", 5], ["Abolish", 5], ["Repeal", 5], ["Amend", 5],
  ["Ensure that", 4], ["Take measures to", 4], ["Strengthen", 4], ["Promote", 4], ["Guarantee", 4],
  ["Continue to", 2], ["Maintain", 2], ["Pursue", 2], ["Consider", 3], ["Review", 3], ["Reflect upon", 3],
  ["Seek technical assistance to", 1],
] as const;

const OBJECTS: Array<{ text: string; themes: string[]; persons: string[]; sdg: number[] }> = [
  { text: "the Optional Protocol to the Convention against Torture", themes: ["Torture and other cruel, inhuman or degrading treatment", "Ratification of & accession to international instruments"], persons: ["Persons deprived of their liberty"], sdg: [16] },
  { text: "the International Covenant on Civil and Political Rights", themes: ["Ratification of & accession to international instruments"], persons: [], sdg: [16] },
  { text: "human rights defenders, journalists and lawyers from reprisals, intimidation and arbitrary detention", themes: ["Human rights defenders", "Freedom of opinion and expression & access to information"], persons: ["Human rights defenders", "Media"], sdg: [16] },
  { text: "a national human rights institution in full compliance with the Paris Principles", themes: ["National human rights institution"], persons: [], sdg: [16] },
  { text: "a comprehensive anti-discrimination law covering all prohibited grounds", themes: ["Equality & non-discrimination"], persons: ["Minorities/ racial, ethnic, linguistic, religious or descent-based groups"], sdg: [10] },
  { text: "the death penalty and establish an official moratorium on executions", themes: ["Death penalty"], persons: [], sdg: [16] },
  { text: "access to quality education for children in rural areas, migrant children and children with disabilities", themes: ["Right to education"], persons: ["Children", "Persons with disabilities", "Migrants"], sdg: [4] },
  { text: "gender-based violence against women and girls, including domestic violence and marital rape", themes: ["Violence against women", "Women's rights"], persons: ["Women & girls"], sdg: [5] },
  { text: "freedom of religion or belief for all religious communities, including registration free of interference", themes: ["Freedom of thought, conscience & religion"], persons: ["Minorities/ racial, ethnic, linguistic, religious or descent-based groups"], sdg: [16] },
  { text: "the independence of the judiciary and the right to a fair trial before an impartial tribunal", themes: ["Administration of justice & fair trial"], persons: [], sdg: [16] },
  { text: "freedom of peaceful assembly and of association, and revise restrictions on civil society registration", themes: ["Freedom of association", "Freedom of peaceful assembly", "Civil society"], persons: ["Civil society"], sdg: [16] },
  { text: "universal health coverage and access to sexual and reproductive health services", themes: ["Right to health", "Sexual & reproductive health and rights"], persons: ["Women & girls"], sdg: [3, 5] },
  { text: "child labour and the worst forms of child labour, with effective labour inspections", themes: ["Child labour", "Rights of the child"], persons: ["Children"], sdg: [8] },
  { text: "trafficking in persons, with victim identification and protection", themes: ["Trafficking in persons"], persons: ["Victims of trafficking", "Women & girls"], sdg: [5, 8, 16] },
  { text: "the rights of indigenous peoples to free, prior and informed consent on projects affecting their lands", themes: ["Indigenous peoples", "Land & property"], persons: ["Indigenous peoples"], sdg: [1, 15] },
  { text: "the right to privacy against mass surveillance, with independent oversight of intelligence agencies", themes: ["Right to privacy"], persons: [], sdg: [16] },
  { text: "an open invitation to the special procedures and accept pending visit requests", themes: ["Cooperation with special procedures"], persons: [], sdg: [17] },
  { text: "the climate change adaptation plans with the participation of affected communities", themes: ["Environment", "Climate change"], persons: ["Persons living in rural areas"], sdg: [13] },
  { text: "the household registration (hukou) system so migrant workers access social security and housing", themes: ["Right to social security", "Right to adequate housing", "Migrants"], persons: ["Migrants", "Persons living in poverty"], sdg: [1, 10, 11] },
  { text: "conditions of detention, reduce overcrowding and provide independent monitoring of all places of detention", themes: ["Conditions of detention", "Torture and other cruel, inhuman or degrading treatment"], persons: ["Persons deprived of their liberty"], sdg: [16] },
  { text: "access to justice and legal aid for persons living in poverty", themes: ["Access to justice", "Poverty"], persons: ["Persons living in poverty"], sdg: [1, 16] },
  { text: "birth registration for all children, including children of undocumented migrants", themes: ["Birth registration", "Rights of the child"], persons: ["Children", "Migrants"], sdg: [16] },
  { text: "online freedom of expression and refrain from blocking websites and internet shutdowns", themes: ["Freedom of opinion and expression & access to information", "Internet"], persons: ["Media"], sdg: [16] },
  { text: "the Convention on the Rights of Persons with Disabilities and its inclusive education provisions", themes: ["Rights of persons with disabilities", "Right to education"], persons: ["Persons with disabilities"], sdg: [4, 10] },
];

const QUALIFIERS = ["", "", " by the end of the review period", " in line with international standards", ", in consultation with civil society", ", and allocate sufficient resources", " and report on progress at the next review"];
const TB_BODIES = ["CESCR", "CCPR", "CAT", "CEDAW", "CRC", "CERD", "CRPD"] as const;
const SP_BODIES = ["SR on freedom of expression", "SR on human rights defenders", "WG on arbitrary detention", "SR on torture", "IE on sexual orientation and gender identity"];
const RESPONSES = [["supported", 72], ["noted", 26], ["Not Supported", 1], ["Supported/Noted", 1]] as const;

/** Mulberry32: tiny, fast, and the same numbers for the same seed on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` distinct recommendations (no two share a dedupe key). */
export function* generateCorpus(size: number, seed = 42): Generator<RecommendationInput> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T>(list: ReadonlyArray<readonly [T, number]>): T => {
    const total = list.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of list) if ((r -= w) < 0) return value;
    return list[0]![0];
  };
  const provenance = { source: "bench/library generator", licence: null, retrievedAt: null };
  const seen = new Set<string>();
  const unique = function* (record: RecommendationInput) {
    const key = recommendationDedupeKey(record);
    if (!seen.has(key)) {
      seen.add(key);
      yield record;
    }
  };
  for (let i = 0; seen.size < size; i++) {
    const state = pick(UN_STATES);
    const object = pick(OBJECTS);
    const verb = weighted(VERBS.map(([v]) => [v, 1] as const));
    const text = `${verb} ${object.text}${pick(QUALIFIERS)}`;
    const kind = next();
    const year = 2008 + Math.floor(next() * 18);
    const base = { stateUnderReview: state.code, text, themes: object.themes, affectedPersons: object.persons, sdgGoals: object.sdg, publicationDate: `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, "0")}-15`, provenance, externalIds: { bench: String(i) } };
    if (kind < 0.7) {
      const cycle = 1 + Math.floor(next() * 4);
      const states = Array.from({ length: 1 + Math.floor(next() * next() * 3) }, () => pick(UN_STATES).name);
      yield* unique(RecommendationInputSchema.parse({
        ...base, mechanism: "UPR", body: "UPR", cycle, session: String(cycle * 12 + Math.floor(next() * 12)),
        symbol: `A/HRC/${7 + Math.floor(i / 4000)}/${1 + (i % 97)}`, paragraph: `${100 + Math.floor(next() * 80)}.${i % 300}`,
        recommendingStates: [...new Set(states)], response: weighted(RESPONSES), actionCategory: VERBS.find(([v]) => v === verb)![1],
      }));
    } else if (kind < 0.95) {
      const body = pick(TB_BODIES);
      const series = body === "CESCR" ? "E/C.12" : `${body}/C`;
      yield* unique(RecommendationInputSchema.parse({
        ...base, mechanism: "TB", body, symbol: `${series}/${state.code}/CO/${1 + (i % 9)}`,
        paragraph: `${10 + (i % 60)} (${"abcdefgh"[i % 8]})`, recommendingStates: [], response: null,
      }));
    } else {
      yield* unique(RecommendationInputSchema.parse({
        ...base, mechanism: "SP", body: pick(SP_BODIES), symbol: `A/HRC/${20 + (i % 40)}/${30 + (i % 50)}/Add.${1 + (i % 3)}`,
        paragraph: String(60 + (i % 40)), recommendingStates: [], response: null,
      }));
    }
  }
}
