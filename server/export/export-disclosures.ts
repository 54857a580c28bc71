import { disclosureFindings } from "../../core/checks/disclosure-rules";
import { STARTER_PLACEHOLDERS } from "../../templates";
import type { PlacedFinding } from "../checks/check-draft";
import { describeFindingPlaces } from "../checks/finding-places";
import type { ExportSource } from "./export-draft";

/**
 * What the file about to be rendered would disclose: every mention of a confidential
 * organisation and every template placeholder, placed as the Checks tab places them ("para. 3",
 * "note 2", "cover"). The same rule as the pre-flight checks, run on the content being rendered
 * rather than trusting a summary the browser saw earlier. Messages name the organisation: they
 * go back to the member asking, never into the file or a log.
 */
export function exportDisclosures(source: ExportSource): PlacedFinding[] {
  const findings = disclosureFindings(source.doc, { organisations: source.organisations, placeholders: STARTER_PLACEHOLDERS, cover: source.cover });
  const places = describeFindingPlaces(source.doc, findings, source.template?.rules.headingNumbering);
  return findings.map((finding, i) => ({ ...finding, where: places[i]! }));
}
