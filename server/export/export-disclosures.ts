import { disclosureFindings } from "../../core/checks/disclosure-rules";
import { EMPTY_COVER } from "../../core/editor/cover";
import { message } from "../../core/i18n/message";
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
  return [...findings.map((finding, i) => ({ ...finding, where: places[i]! })), ...reviewDisclosures(source)];
}

/**
 * A review copy also prints the comments and the names changes and comments are signed with
 * (suggested text is in `source.doc` already): the same rule reads them, so a comment that names
 * a confidential organisation stops the file as a paragraph would. Placeholders are not looked
 * for there: a comment quoting "[Organisation]" leaves nothing unfinished in the submission.
 */
function reviewDisclosures(source: ExportSource): PlacedFinding[] {
  if (!source.review) return [];
  const { comments, authors } = source.review;
  const texts = [...authors, ...comments.flatMap((c) => [c.author, c.text])].filter((text) => text.trim());
  if (texts.length === 0) return [];
  const schema = source.doc.type.schema;
  const doc = schema.node("doc", null, texts.map((text) => schema.node("paragraph", null, [schema.text(text)])));
  const where = message("export.review.commentPlace");
  return disclosureFindings(doc, { organisations: source.organisations, placeholders: [], cover: EMPTY_COVER }).map((finding) => ({ ...finding, where }));
}
