import type { Finding } from "../../core/checks/finding";
import { message, type Message, type MessageId } from "../../core/i18n/message";
import { preflight } from "../../core/checks/preflight";
import { documentSchema, primaryLanguage } from "../../core/editor";
import { EMPTY_COVER, type Cover } from "../../core/editor/cover";
import type { CoverOrganisation } from "../../core/checks/structure-rules";
import { stateCodeForName, stateName } from "../../core/un/states";
import { citedRecommendationNumbers, type RecommendationTexts } from "../../core/checks/recommendation-rules";
import { findTemplate, preflightRules, TEMPLATES } from "../../templates";
import type { Template } from "../../templates";
import { readDocx, type DocxImport } from "../import/docx";
import { withTemplateSections } from "../import/template-sections";
import type { DraftCheck } from "./check-draft";
import { describeFindingPlaces } from "./finding-places";

/**
 * The pre-flight checks on a Word file, without storing it (issue 9: "Check a Word file"): the
 * file is read as an import would read it, then checked against the chosen template's rules.
 * The cover rules run on the file's cover block (its centred lines before the first heading)
 * when it has one; without one they are left out, as a cover laid out some other way would only
 * be reported missing. From the command line there is no workspace, so no library lookups and
 * no confidential organisations to look for (the template's placeholders are still found).
 */
export function checkWordFile(bytes: Uint8Array, fileName: string, template: Template): DraftCheck {
  return checkImportedWordFile(readDocx(bytes), fileName, template).check;
}

/** A Word file's check, and what its library lookups would need: the State its cover names and the recommendation numbers it cites. */
export interface WordFileCheck {
  check: DraftCheck;
  lookups: { stateUnderReview: string; recommendationNumbers: string[] };
}

/** What a workspace adds to a Word file's check (the command line has none). */
export interface WorkspaceKnowledge {
  /**
   * The library's texts of the recommendation numbers the file cites (found by a first check's
   * `lookups`): adds the rules that need them, numbers not in the library and misquotes.
   */
  known?: RecommendationTexts;
  /** The workspace's confidential organisations: a file about to become its draft must not name them either. */
  confidential?: ReadonlyArray<{ name: string; acronym: string }>;
}

/** The same checks on a file already read. */
export function checkImportedWordFile(imported: DocxImport, fileName: string, template: Template, { known, confidential = [] }: WorkspaceKnowledge = {}): WordFileCheck {
  const doc = documentSchema().nodeFromJSON(withTemplateSections(imported.doc, template));
  const rules = preflightRules(template);
  const { cover, organisations: named } = coverOfFile(imported);
  // Not on the file's cover (their ids are none of its), so the cover rules do not count them.
  const organisations = [...named, ...confidential.map((o, i) => ({ id: `confidential-${i}`, name: o.name, acronym: o.acronym, confidential: true }))];
  const state = cover.stateUnderReview;
  const name = state ? stateName(state) : undefined;
  const report = preflight({ doc, cover, template: rules, organisations, ...(known && state ? { knownRecommendations: known, stateName: name } : {}) });
  const kept = report.findings.filter((f) => imported.cover !== null || !f.rule.startsWith("cover.")).map(forWordFile);
  const places = describeFindingPlaces(doc, kept, template.rules.headingNumbering);
  const findings = kept.map((finding, i) => ({ ...finding, where: places[i]! }));
  const count = (severity: Finding["severity"]) => findings.filter((f) => f.severity === severity).length;
  return {
    check: {
      draft: { id: "", title: fileName, stateUnderReview: state, stateName: name ?? "" },
      template: { slug: template.slug, title: template.title },
      counts: rules.counts,
      report: { ...report, findings },
      totals: { errors: count("error"), warnings: count("warning"), suggestions: count("info") },
    },
    lookups: { stateUnderReview: state, recommendationNumbers: [...new Set(citedRecommendationNumbers(doc).map((cited) => cited.number))] },
  };
}

/**
 * The file's cover block as the cover rules read a cover: the State by its name, and each
 * organisation line ("Name (ACR)") as an organisation with that acronym.
 */
function coverOfFile(imported: DocxImport): { cover: Cover; organisations: CoverOrganisation[] } {
  // The file's own language, so the cover rule reports one the mechanism does not accept.
  const language = primaryLanguage(imported.language) || EMPTY_COVER.language;
  const found = imported.cover;
  if (!found) return { cover: { ...EMPTY_COVER, language }, organisations: [] };
  const organisations = found.organisations.map((line, i) => {
    const acronym = /^(.*?)\s*\(([^()]+)\)$/.exec(line);
    return { id: `file-${i}`, name: acronym ? acronym[1]! : line, acronym: acronym ? acronym[2]! : "" };
  });
  const cover = { ...EMPTY_COVER, title: found.title, session: found.session, contact: found.contact, date: found.date, stateUnderReview: stateCodeForName(found.stateUnderReview) ?? "", organisations: organisations.map((o) => o.id), language };
  return { cover, organisations };
}

/**
 * The rules write for the editor (core/checks): a Word file is mended in Word, so advice naming
 * the editor's controls is said in Word's terms here (the same message with Word's advice), and
 * one-click fixes, which only the editor can apply, are dropped (each fixable finding's message
 * already says what to write).
 */
const WORD_ADVICE: Partial<Record<MessageId, MessageId>> = {
  "checks.section.missingMandated": "checks.section.missingMandatedWord",
  "checks.section.missing": "checks.section.missingWord",
  "checks.cover.acronym": "checks.cover.acronymWord",
  "checks.paragraph.unnumbered": "checks.paragraph.unnumberedWord",
};

function forWordFile(finding: Finding): Finding {
  const { fix: _editorOnly, ...rest } = finding;
  const word = WORD_ADVICE[finding.message.id];
  return word ? { ...rest, message: { ...rest.message, id: word } } : rest;
}

/** The template a slug names, or a message listing the ones there are. */
export function templateForCheck(slug: string): Template | Message {
  return findTemplate(slug) ?? message("cli.error.unknownTemplate", { slug, templates: TEMPLATES.map((t) => t.slug).join(", ") });
}
