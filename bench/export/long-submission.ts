/**
 * The document both export benchmarks render: a ~14,000-word joint UPR submission (about 40
 * pages) with 200 real footnotes (bench/checks/draft.ts), and its cover. WORDS and NOTES change
 * the size; RUNS the number of timed runs.
 */
import type { ExportCover } from "../../core/export/export-cover";
import { findTemplate } from "../../templates";
import { longDraft } from "../checks/draft";

export const WORDS = Number(process.env.WORDS ?? 14000);
export const NOTES = Number(process.env.NOTES ?? 200);
export const RUNS = Number(process.env.RUNS ?? 20);

export const template = findTemplate("upr-joint")!;
export const longSubmission = () => longDraft(template, WORDS, NOTES);
export const modelOptions = { language: "en", headingNumbering: template.rules.headingNumbering };

export const cover: ExportCover = {
  title: "Joint submission to the Universal Periodic Review of China",
  mechanism: "Universal Periodic Review",
  session: "45th session",
  stateUnderReview: "China",
  organisations: ["Coalition for Rights (CR)", "Ghana Human Rights Network (GHRN)"],
  contact: "coalition@example.org",
  date: "March 2026",
};
