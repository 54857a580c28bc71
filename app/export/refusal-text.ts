import type { Translator } from "../../core/i18n/translator";
import type { DisclosureSummary } from "../../server/export/disclosure-gate";
import type { Refused } from "../../server/export/refusal";
import { say } from "../review/say";

/**
 * A refused export in words: the refusal's message, and for a disclosure what the draft names or
 * keeps and where ("names a confidential organisation 3 times and keeps 1 template placeholder
 * (para. 2, note 1, cover)"), built from the counts so each language writes its own plurals.
 */
export function refusalText(tr: Translator, refused: Pick<Refused, "error" | "summary">): string {
  const { error, summary } = refused;
  if (!summary || typeof error === "string") return say(tr.text, error);
  return tr.t(error.id, { what: disclosureWhat(tr, summary), places: disclosurePlaces(tr, summary) });
}

function disclosureWhat(tr: Translator, summary: DisclosureSummary): string {
  const parts = [
    summary.mentions > 0 ? tr.t("export.disclosure.mentions", { count: summary.mentions }) : "",
    summary.placeholders > 0 ? tr.t("export.disclosure.placeholders", { count: summary.placeholders }) : "",
  ].filter(Boolean);
  return tr.list(parts);
}

function disclosurePlaces(tr: Translator, summary: DisclosureSummary): string {
  // The places are joined as a plain enumeration, as the findings name them ("para. 2, note 1").
  const named = summary.places.map((where) => say(tr.text, where)).join(tr.t("export.disclosure.placeSeparator"));
  return summary.morePlaces > 0 ? tr.t("export.disclosure.morePlaces", { places: named, count: summary.morePlaces }) : named;
}
