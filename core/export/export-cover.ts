import type { Cover } from "../editor/cover";
import { documentLanguageOf } from "../i18n/locales";
import { printedMechanismName, printedText } from "../un/printed";
import { isStateCode, printedStateName } from "../un/states";

/** The cover block of an exported submission: everything printed above the first heading. */
export interface ExportCover {
  title: string;
  /** Printed under the title; absent or "" prints nothing. */
  subtitle?: string;
  /** "Universal Periodic Review", with the session when the cover gives one; in the document's language. */
  mechanism: string;
  session: string;
  /** The State's UN short name in the document's language ("Chine", "中国"). */
  stateUnderReview: string;
  /** Submitting organisations as printed: "Ghana Human Rights Network (GHRN)". */
  organisations: string[];
  contact: string;
  /** As the cover holds it (2026-11-27, or text as typed); printed through PrintedLabels.date. */
  date: string;
}

/** Whether the cover prints anything: an empty one gets no page of its own. */
export function coverHasContent(cover: ExportCover): boolean {
  return [cover.title, cover.mechanism, cover.session, cover.stateUnderReview, cover.contact, cover.date, ...cover.organisations].some((field) => field.trim() !== "");
}

export interface CoverOrganisationRecord {
  id: string;
  name: string;
  acronym: string;
  confidential: boolean;
}

/**
 * The cover as it may be printed, in the document's language (cover.language; English when it
 * names none of the UN's six): the mechanism's and the State's names as the UN writes them in
 * that language. Organisations marked confidential are never named in
 * an export (docs/design.md §3: members who work under surveillance), whatever the cover lists;
 * they are simply left out, so the file does not even say that someone was left out.
 */
export function exportCover(cover: Cover, organisations: readonly CoverOrganisationRecord[], mechanism: string): ExportCover {
  const language = documentLanguageOf(cover.language);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  return {
    title: cover.title.trim(),
    subtitle: cover.subtitle.trim(),
    mechanism: printedMechanismName(cover.mechanism || mechanism, language),
    session: cover.session.trim(),
    stateUnderReview: isStateCode(cover.stateUnderReview) ? printedStateName(cover.stateUnderReview, language) : "",
    organisations: cover.organisations
      .map((id) => byId.get(id))
      .filter((o): o is CoverOrganisationRecord => Boolean(o) && !o!.confidential)
      .map((o) => (o.acronym.trim() ? `${o.name} (${o.acronym.trim()})` : o.name)),
    contact: cover.contact.trim(),
    // As typed: the printed labels write an ISO date out in the document's language (printedLabels).
    date: cover.date.trim(),
  };
}

/**
 * The words a cover and the page furniture print around the data, in the document's language:
 * what the DOCX and the PDF both set, so the two formats read the same. `page` holds the markers
 * {page} and {total} where the page number and count go, in the language's order ("第 {page}
 * 页，共 {total} 页"): each format puts its own fields or counters there.
 */
export interface PrintedLabels {
  stateUnderReview: string;
  /** "Submitted by:" for one organisation, "Joint submission by:" for several; "" for none. */
  organisations: string;
  contact: string;
  contents: string;
  /** The cover's date in the language's long form ("27 novembre 2026"); as typed when it is not an ISO date. */
  date: string;
  pageOfTotal: string;
  page: string;
}

export const PAGE_MARK = "{page}";
export const TOTAL_MARK = "{total}";

export function printedLabels(cover: ExportCover, language: string): PrintedLabels {
  const text = printedText(language);
  const many = cover.organisations.length > 1;
  return {
    stateUnderReview: cover.stateUnderReview
      ? text.t("document.cover.stateUnderReview", {
          state: cover.stateUnderReview,
        })
      : "",
    organisations: cover.organisations.length === 0 ? "" : text.t(many ? "document.cover.jointSubmissionBy" : "document.cover.submittedBy"),
    contact: cover.contact ? text.t("document.cover.contact", { contact: cover.contact }) : "",
    contents: text.t("document.contents"),
    date: text.date(cover.date),
    pageOfTotal: text.t("document.pageXofY", {
      page: PAGE_MARK,
      total: TOTAL_MARK,
    }),
    page: text.t("document.pageX", { page: PAGE_MARK }),
  };
}

/** A page label cut around its markers: ["Page ", "{page}", " of ", "{total}"]; each format fills the markers. */
export function pageLabelParts(label: string): string[] {
  return label.split(/(\{page\}|\{total\})/).filter((part) => part !== "");
}
