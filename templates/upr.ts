import { lettered, ORGANISATION, paragraph, placeholder, table } from "./blocks";
import type { SectionInput, Template, TemplateInput, TemplateRules } from "./schema";
import { SOURCES } from "./sources";


/** What OHCHR's UPR guidance is believed to count: text and notes, not the cover or annexes (U). */
const uprRules = (words: number | null): TemplateRules => ({
  wordLimit: words === null ? null : { words, source: SOURCES.uprThirdCycleGuidelines, confidence: "U" },
  counts: { body: true, footnotes: true, headings: true, tables: true, cover: false, annexes: false, source: SOURCES.uprThirdCycleGuidelines, confidence: "U" },
  sectionBudgets: [],
  notes: { kind: "footnotes", source: SOURCES.uprPracticeSummary, confidence: "U" },
  paragraphNumbering: { required: true, source: SOURCES.uprPracticeSummary, confidence: "P" },
  headingNumbering: ["upper-roman", "upper-alpha", "decimal", "lower-alpha-parenthesised"],
});

/**
 * The body of a UPR submission, following OHCHR's thematic clusters (the High Commissioner's
 * 2019 annex): the summary of stakeholders' submissions is ordered the same way, so material
 * placed here is easier to pick up.
 */
export const UPR_CLUSTERS: SectionInput[] = [
  {
    id: "scope-of-obligations",
    title: "Scope of international obligations and cooperation with human rights mechanisms",
    guidance:
      "Ratification of treaties and optional protocols, reservations, standing invitations to special procedures, cooperation with treaty bodies and the UPR itself. Say which earlier recommendations on these points were supported and what happened since.",
    required: false,
  },
  {
    id: "national-framework",
    title: "National human rights framework",
    guidance:
      "Constitution and legislation, the national human rights institution (its accreditation and independence), national action plans and policies. Cite laws by name, number and date in the footnotes.",
    required: false,
  },
  {
    id: "implementation",
    title: "Implementation of international human rights obligations",
    guidance:
      "The heart of the submission: one sub-section per theme you cover. Each paragraph should state a fact, its source in a footnote, and, where it applies, the earlier recommendation it follows up.",
    required: true,
    starter: [],
  },
  {
    id: "cross-cutting",
    level: 2,
    title: "Cross-cutting issues",
    guidance: "Equality and non-discrimination; development, the environment, business and human rights; human rights and counter-terrorism.",
    required: false,
  },
  {
    id: "civil-and-political-rights",
    level: 2,
    title: "Civil and political rights",
    guidance:
      "Right to life, liberty and security of person; administration of justice and the rule of law; fundamental freedoms (expression, association, peaceful assembly, religion); prohibition of slavery; right to privacy.",
    required: false,
  },
  {
    id: "economic-social-cultural-rights",
    level: 2,
    title: "Economic, social and cultural rights",
    guidance: "Work and just conditions of work, social security, an adequate standard of living, health, education.",
    required: false,
  },
  {
    id: "specific-persons-or-groups",
    level: 2,
    title: "Rights of specific persons or groups",
    guidance: "Women, children, persons with disabilities, minorities and indigenous peoples, migrants, refugees and asylum seekers, stateless persons.",
    required: false,
  },
];

const introduction: SectionInput = {
  id: "introduction",
  title: "Introduction",
  guidance:
    "Who is submitting and why you know this subject (one or two sentences each), the period covered (since the last review) and how you gathered the information. Keep it short: every word counts toward the limit.",
  required: true,
  starter: [paragraph(placeholder("Who submits this report, what they work on, and the period it covers."))],
};

const followUp: SectionInput = {
  id: "follow-up",
  title: "Follow-up to the previous review",
  guidance:
    "The fourth cycle asks above all about implementation. For each recommendation you follow up, quote it with its number, the recommending State and the response (\"Recommendation 186.60 (Ghana), supported\"), then say what was and was not done, with sources.",
  required: true,
};

const recommendations: SectionInput = {
  id: "recommendations",
  title: "Recommendations",
  guidance:
    "Addressed to the State under review, specific and measurable (\"Repeal article 7 of … by …\" rather than \"Improve …\"). Recommendations States can act on within the cycle are the ones other States pick up.",
  required: true,
  starter: [paragraph("We recommend that the Government:"), lettered([placeholder("A specific, measurable action.")])],
};

const executiveSummary: SectionInput = {
  id: "executive-summary",
  title: "Executive summary",
  guidance: "Optional: the main points in a few sentences, with key words. Its paragraphs are not numbered.",
  required: false,
  numberedParagraphs: false,
  starter: [paragraph("", false)],
};

const COVER: Template["coverFields"] = ["title", "mechanism", "session", "stateUnderReview", "organisations", "contact", "date", "language"];
const LANGUAGES: Template["languages"] = ["en", "fr", "es"];

export const UPR_TEMPLATES = [
  {
    slug: "upr-individual",
    title: "UPR stakeholder submission — one organisation",
    mechanism: "UPR",
    kind: "upr-individual",
    description:
      "One organisation's written contribution to the Universal Periodic Review of a State, summarised by OHCHR in the stakeholders' summary (cited by paragraph).",
    languages: LANGUAGES,
    rules: uprRules(2815),
    coverFields: COVER,
    sections: [executiveSummary, introduction, followUp, ...UPR_CLUSTERS, recommendations],
  },
  {
    slug: "upr-joint",
    title: "UPR joint submission — a coalition",
    mechanism: "UPR",
    kind: "upr-joint",
    description:
      "A coalition's joint submission (OHCHR codes them JS1, JS2 …). The names of all co-submitting organisations go at the top of the text, with their acronyms.",
    languages: LANGUAGES,
    rules: uprRules(5630),
    coverFields: COVER,
    sections: [
      {
        id: "submitting-organisations",
        title: "Submitting organisations",
        guidance:
          "OHCHR asks for every co-submitting organisation to be named at the beginning of the submission itself, not only in the covering message. Give each full name and acronym. Organisations at risk of reprisals may stay unnamed (\"and others who wish to remain anonymous\").",
        required: true,
        numberedParagraphs: false,
        starter: [paragraph(`This joint submission is made by ${ORGANISATION}, ${ORGANISATION} …`, false)],
      },
      executiveSummary,
      introduction,
      followUp,
      ...UPR_CLUSTERS,
      recommendations,
    ],
  },
  {
    slug: "upr-nhri",
    title: "UPR submission — national human rights institution",
    mechanism: "UPR",
    kind: "upr-nhri",
    description:
      "A national human rights institution's contribution. An A-status institution gets its own section in OHCHR's summary of stakeholders' submissions.",
    languages: LANGUAGES,
    rules: uprRules(5630),
    coverFields: COVER,
    sections: [
      {
        id: "introduction",
        title: "Introduction",
        guidance:
          "The institution, its mandate and its accreditation status under the Paris Principles (A or B, and when it was last reviewed), and the period covered.",
        required: true,
        starter: [paragraph(placeholder("The institution, its mandate and accreditation status."))],
      },
      followUp,
      ...UPR_CLUSTERS,
      recommendations,
    ],
  },
  {
    slug: "upr-midterm",
    title: "UPR mid-term implementation assessment",
    mechanism: "UPR",
    kind: "upr-midterm",
    description:
      "Halfway between two reviews: how far the State has implemented the recommendations it received, one by one, with evidence. No official length or format; UPR Info's follow-up programme uses the same status scale.",
    languages: LANGUAGES,
    rules: { ...uprRules(null), paragraphNumbering: { required: false, source: SOURCES.uprMidTermManual, confidence: "U" } },
    coverFields: COVER,
    sections: [
      introduction,
      {
        id: "methodology",
        title: "Methodology",
        guidance: "Which recommendations you assess (all, or a theme), the sources you used, who you consulted, and the cut-off date of the information.",
        required: true,
      },
      {
        id: "implementation-matrix",
        title: "Recommendations matrix",
        guidance:
          "One row per recommendation: its text with number and recommending State, the State's response (supported / noted), the status — fully implemented, partially implemented, not implemented, or no information — and the evidence, with a footnote for each source.",
        required: true,
        numberedParagraphs: false,
        starter: [table(["Recommendation", "Response", "Status", "Evidence"])],
      },
      {
        id: "assessment",
        title: "Assessment by theme",
        guidance: "What the matrix shows, theme by theme: progress, setbacks and what stands in the way.",
        required: false,
      },
      recommendations,
    ],
  },
] satisfies TemplateInput[];
