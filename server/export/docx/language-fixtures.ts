import { documentSchema, UN_HEADING_NUMBERING } from "../../../core/editor";
import { EMPTY_COVER, type Cover } from "../../../core/editor/cover";
import { exportCover, type ExportCover } from "../../../core/export/export-cover";
import { exportModel, type ExportDocument } from "../../../core/export/export-model";

/**
 * One small UPR draft exported in a given language, for the tests that read the DOCX and the PDF
 * back (issue 19): a heading and paragraphs in that language, four notes citing two documents
 * (so the second note is "Ibid., para. 15", the third plain "Ibid." and the fourth cites a new
 * source at two paragraphs), and a cover naming two organisations, Ghana and a date.
 */
export const SOURCE_A = "A/HRC/52/10";
export const SOURCE_B = "E/C.12/GHA/CO/1";

const TEXTS: Record<string, { heading: string; body: string }> = {
  fr: { heading: "Introduction", body: "La coalition a recueilli les informations ci-dessous entre 2019 et 2023." },
  ar: { heading: "مقدمة", body: "جمع التحالف المعلومات الواردة أدناه بين عامي 2019 و2023." },
  zh: { heading: "导言", body: "联盟在2019年至2023年期间收集了以下资料。" },
  ru: { heading: "Введение", body: "Коалиция собрала приведенную ниже информацию в 2019–2023 годах." },
  en: { heading: "Introduction", body: "The coalition gathered the information below between 2019 and 2023." },
};

const ORGANISATIONS = [
  { id: "00000000-0000-4000-8000-000000000001", name: "Ghana Human Rights Network", acronym: "GHRN", confidential: false },
  { id: "00000000-0000-4000-8000-000000000002", name: "West Africa Defenders", acronym: "WAD", confidential: false },
];

const citation = (sourceId: string, label: string, pinpoint: string) => ({ type: "citation", attrs: { sourceId, label, pinpoint } });
const note = (id: string, cited: ReturnType<typeof citation>) => ({ type: "footnote", attrs: { id }, content: [cited] });

export function draftIn(language: string): { model: ExportDocument; cover: ExportCover } {
  const { heading, body } = TEXTS[language] ?? TEXTS.en!;
  const doc = documentSchema().nodeFromJSON({
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: heading }] },
      { type: "paragraph", content: [{ type: "text", text: body }, note("n1", citation("a", SOURCE_A, "para. 12"))] },
      { type: "paragraph", content: [{ type: "text", text: body }, note("n2", citation("a", SOURCE_A, "para. 15"))] },
      { type: "paragraph", content: [{ type: "text", text: body }, note("n3", citation("a", SOURCE_A, "para. 15"))] },
      { type: "paragraph", content: [{ type: "text", text: body }, note("n4", citation("b", SOURCE_B, "paras. 3 and 4"))] },
    ],
  });
  const cover: Cover = {
    ...EMPTY_COVER,
    title: "Submission 2026",
    mechanism: "UPR",
    stateUnderReview: "GHA",
    organisations: ORGANISATIONS.map((o) => o.id),
    contact: "coalition@example.org",
    date: "2026-11-27",
    language,
  };
  return { model: exportModel(doc, { language, headingNumbering: UN_HEADING_NUMBERING, mechanism: "UPR" }), cover: exportCover(cover, ORGANISATIONS, "UPR") };
}
