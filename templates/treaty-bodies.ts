import { lettered, ORGANISATION, paragraph, placeholder } from "./blocks";
import type { SectionInput, Template, TemplateInput, TemplateRules } from "./schema";
import { SOURCES } from "./sources";

interface PublishedLimit {
  words: number;
  footnotes: boolean;
  source: string;
  confidence: "V" | "P" | "U";
}

interface Committee {
  id: "CESCR" | "CCPR" | "CAT" | "CEDAW" | "CRC" | "CERD" | "CRPD";
  name: string;
  treaty: string;
  source: string;
  /** Published limits, each with its source; absent: "no published limit" (docs/domain.md §1b). */
  session?: PublishedLimit;
  listOfIssues?: PublishedLimit;
  /** How the committee's concluding observations are arranged: by article or by cluster. */
  structure: string;
  followUp: boolean;
}

const COMMITTEES: Committee[] = [
  { id: "CESCR", name: "Committee on Economic, Social and Cultural Rights", treaty: "International Covenant on Economic, Social and Cultural Rights", source: SOURCES.cescr, structure: "articles 1–15 of the Covenant", followUp: false },
  {
    id: "CCPR",
    name: "Human Rights Committee",
    treaty: "International Covenant on Civil and Political Rights",
    source: SOURCES.ccpr,
    session: { words: 10000, footnotes: true, source: SOURCES.ccpr, confidence: "V" },
    listOfIssues: { words: 10000, footnotes: true, source: SOURCES.ccpr, confidence: "V" },
    structure: "articles 1–27 of the Covenant",
    followUp: true,
  },
  { id: "CAT", name: "Committee against Torture", treaty: "Convention against Torture", source: SOURCES.cat, structure: "articles 1–16 of the Convention", followUp: true },
  {
    id: "CEDAW",
    name: "Committee on the Elimination of Discrimination against Women",
    treaty: "Convention on the Elimination of All Forms of Discrimination against Women",
    source: SOURCES.cedaw,
    // 3,300 for one organisation, 6,600 for a coalition, footnotes included; Caucus drafts for coalitions.
    session: { words: 6600, footnotes: true, source: SOURCES.cedaw, confidence: "V" },
    structure: "articles 1–16 of the Convention",
    followUp: true,
  },
  {
    id: "CRC",
    name: "Committee on the Rights of the Child",
    treaty: "Convention on the Rights of the Child",
    source: SOURCES.crc,
    listOfIssues: { words: 10000, footnotes: true, source: SOURCES.crcListOfIssues, confidence: "V" },
    structure: "the Committee's clusters (general measures, definition of the child, general principles, civil rights and freedoms, …)",
    followUp: false,
  },
  { id: "CERD", name: "Committee on the Elimination of Racial Discrimination", treaty: "International Convention on the Elimination of All Forms of Racial Discrimination", source: SOURCES.cerd, structure: "articles 1–7 of the Convention", followUp: false },
  { id: "CRPD", name: "Committee on the Rights of Persons with Disabilities", treaty: "Convention on the Rights of Persons with Disabilities", source: SOURCES.crpd, structure: "articles 1–33 of the Convention", followUp: false },
];

function rules(committee: Committee, limit: PublishedLimit | undefined): TemplateRules {
  const countSource = limit?.source ?? committee.source;
  return {
    wordLimit: limit ? { words: limit.words, source: limit.source, confidence: limit.confidence } : null,
    // Where a committee does not say, count footnotes: the stricter reading never surprises anyone.
    counts: { body: true, footnotes: limit?.footnotes ?? true, headings: true, tables: true, cover: false, annexes: false, source: countSource, confidence: limit ? "P" : "U" },
    sectionBudgets: [],
    notes: { kind: "footnotes", source: committee.source, confidence: "U" },
    paragraphNumbering: { required: true, source: committee.source, confidence: "U" },
    headingNumbering: ["upper-roman", "upper-alpha", "decimal", "lower-alpha-parenthesised"],
  };
}

const organisations: SectionInput = {
  id: "submitting-organisations",
  title: "Submitting organisations",
  guidance:
    "The organisations behind the report, with acronyms and a line on each one's work. Committees publish submissions on the session page unless you ask for confidentiality: say so in the covering message if any organisation must not be named.",
  required: true,
  numberedParagraphs: false,
  starter: [paragraph(`This report is submitted by ${ORGANISATION} …`, false)],
};

const LANGUAGES: Template["languages"] = ["en", "fr", "es"];
const COVER: Template["coverFields"] = ["title", "mechanism", "session", "stateUnderReview", "organisations", "contact", "date", "language"];

function sessionTemplate(c: Committee): TemplateInput {
  const issues: SectionInput = {
    id: "issues",
    title: "Issues of concern",
    guidance: `One sub-heading per issue, in the order of ${c.structure}, so the country rapporteur can match your text to the State report. For each: the facts since the last review, the State's replies to the List of Issues where they are wrong or incomplete, and sources in footnotes.`,
    required: true,
    starter: [paragraph(placeholder("The first issue: facts, the State's position, sources in footnotes."))],
  };
  return {
    slug: `${c.id.toLowerCase()}-session`,
    title: `${c.id} parallel report for the session`,
    mechanism: c.id,
    kind: "tb-session",
    description: `A parallel (shadow) report to the ${c.name} before it reviews the State under the ${c.treaty}: the issues, the evidence and the recommendations the Committee should adopt.${c.session ? "" : " The Committee publishes no word limit: keep it concise."}`,
    languages: LANGUAGES,
    rules: rules(c, c.session),
    coverFields: COVER,
    sections: [
      organisations,
      { id: "introduction", title: "Introduction", guidance: "The period covered, how the information was gathered, and the Committee's previous concluding observations this report builds on (cite them by symbol and paragraph).", required: true },
      issues,
      {
        id: "suggested-recommendations",
        title: "Suggested recommendations",
        guidance: "Recommendations you want in the concluding observations: specific, addressed to the State, each tied to an issue above.",
        required: true,
        starter: [paragraph("We suggest that the Committee recommend that the State party:"), lettered([placeholder("A specific, measurable action.")])],
      },
    ],
  };
}

function listOfIssuesTemplate(c: Committee): TemplateInput {
  return {
    slug: `${c.id.toLowerCase()}-list-of-issues`,
    title: `${c.id} input to the List of Issues (LOI / LOIPR)`,
    mechanism: c.id,
    kind: "tb-list-of-issues",
    description: `Questions the ${c.name} should put to the State in its List of Issues (or List of Issues Prior to Reporting), each with a short context.${c.listOfIssues ? "" : " No published word limit."}`,
    languages: LANGUAGES,
    rules: rules(c, c.listOfIssues),
    coverFields: COVER,
    sections: [
      organisations,
      {
        id: "proposed-questions",
        title: "Proposed questions",
        guidance: `Grouped by ${c.structure}. For each issue: two or three sentences of context with sources, then the question you propose, phrased as the Committee would ask it ("Please provide information on …").`,
        required: true,
        starter: [paragraph(placeholder("Context, with a footnote for each source.")), paragraph(`Proposed question: Please provide information on ${placeholder("what the State should explain")}.`)],
      },
    ],
  };
}

function followUpTemplate(c: Committee): TemplateInput {
  return {
    slug: `${c.id.toLowerCase()}-follow-up`,
    title: `${c.id} follow-up submission`,
    mechanism: c.id,
    kind: "tb-follow-up",
    description: `Information on the two to four recommendations the ${c.name} singled out for follow-up in its concluding observations, usually within one or two years, and comments on the State's follow-up reply.`,
    languages: LANGUAGES,
    rules: { ...rules(c, undefined), counts: { ...rules(c, undefined).counts, source: c.id === "CAT" ? SOURCES.catFollowUp : SOURCES.treatyFollowUp, confidence: "U" } },
    coverFields: COVER,
    sections: [
      organisations,
      {
        id: "follow-up-recommendations",
        title: "Recommendations selected for follow-up",
        guidance: "One sub-heading per follow-up paragraph of the concluding observations (cite the symbol and paragraph). Quote it, say what the State did, and assess it: implemented, partially implemented, not implemented.",
        required: true,
        starter: [paragraph(placeholder("Quote the follow-up recommendation, then assess what the State did."))],
      },
      { id: "state-reply", title: "Comments on the State party's follow-up reply", guidance: "Where the State's follow-up report is inaccurate or incomplete, and what it leaves out.", required: false },
    ],
  };
}

export const TREATY_BODY_TEMPLATES: TemplateInput[] = COMMITTEES.flatMap((c) => [
  sessionTemplate(c),
  listOfIssuesTemplate(c),
  ...(c.followUp ? [followUpTemplate(c)] : []),
]);
