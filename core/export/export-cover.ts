import type { Cover } from "../editor/cover";
import { mechanismName } from "../un/mechanisms";
import { isStateCode, stateName } from "../un/states";

/** The cover block of an exported submission: everything printed above the first heading. */
export interface ExportCover {
  title: string;
  /** Printed under the title; absent or "" prints nothing. */
  subtitle?: string;
  /** "Universal Periodic Review", with the session when the cover gives one. */
  mechanism: string;
  session: string;
  stateUnderReview: string;
  /** Submitting organisations as printed: "Ghana Human Rights Network (GHRN)". */
  organisations: string[];
  contact: string;
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
 * The cover as it may be printed. Organisations marked confidential are never named in an export
 * (docs/design.md §3: members who work under surveillance), whatever the cover lists; they are simply
 * left out, so the file does not even say that someone was left out.
 */
export function exportCover(cover: Cover, organisations: readonly CoverOrganisationRecord[], mechanism: string): ExportCover {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  return {
    title: cover.title.trim(),
    subtitle: cover.subtitle.trim(),
    mechanism: mechanismName(cover.mechanism || mechanism),
    session: cover.session.trim(),
    stateUnderReview: isStateCode(cover.stateUnderReview) ? stateName(cover.stateUnderReview) : "",
    organisations: cover.organisations
      .map((id) => byId.get(id))
      .filter((o): o is CoverOrganisationRecord => Boolean(o) && !o!.confidential)
      .map((o) => (o.acronym.trim() ? `${o.name} (${o.acronym.trim()})` : o.name)),
    contact: cover.contact.trim(),
    date: cover.date.trim(),
  };
}
