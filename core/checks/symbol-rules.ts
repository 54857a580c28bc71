import type { Node as PMNode } from "@tiptap/pm/model";
import { findSymbolCandidates, type ParsedSymbol, type SymbolIssue } from "../citations/un-symbol";
import { message } from "../i18n/message";
import type { Finding, FindingLocation } from "./finding";
import { perBlock } from "./node-memo";

/** "para 27", "paras 3 and 4", "para.27": the UN writes "para. 27" (docs/domain.md §4b). */
const PINPOINT_WITHOUT_STOP = /\b(paras?)(\.?)(\s*)(?=\d)/g;

/** The id of the footnote a text node is in (its parent), for findings in notes. */
const footnoteIdOf = (parent: PMNode | null) =>
  parent?.type.name === "footnote" && parent.attrs.id ? String(parent.attrs.id) : undefined;

/**
 * What the check says of one symbol as written: nothing when it is right; "symbol.normalise" when
 * only its typing differs from the UN's ("add.1"); "symbol.invalid" when it names no document as
 * written (grammar, impossible numbers), with the correction where it is certain; "symbol.check"
 * for what may be right but should be checked (an unknown country; an unknown series alone is only
 * a suggestion). Never errors: symbol validation is soft (docs/domain.md §5a.4), and an accepted
 * submission may carry a slip. Each reason is a finding of its own (a message is one sentence of
 * the catalogue, not sentences joined); the first carries the fix. Real symbols have one reason.
 */
function findingsOfSymbol(written: string, parsed: ParsedSymbol, location: FindingLocation): Finding[] {
  if (parsed.issues.length === 0) return [];
  const fixTo = parsed.suggestion;
  const fix = fixTo && fixTo !== written ? { fix: { label: message("checks.symbol.fix", { symbol: fixTo }), from: location.from, to: location.to, text: fixTo } } : {};
  const errors = parsed.issues.filter((issue) => issue.severity === "error");
  const each = (rule: string, severity: Finding["severity"], issues: SymbolIssue[]): Finding[] =>
    issues.map((issue, i) => ({ rule, severity, message: issue.message, location, ...(i === 0 ? fix : {}) }));
  if (errors.length > 0) return each("symbol.invalid", "warning", [...errors, ...parsed.issues.filter((issue) => issue.severity !== "error" && !issue.typing)]);
  const questions = parsed.issues.filter((issue) => !issue.typing);
  if (questions.length === 0) return [{ rule: "symbol.normalise", severity: "warning", message: message("checks.symbol.normalise", { written, normalised: parsed.normalised }), location, ...fix }];
  // An unknown series alone is a question, not a problem: a suggestion to check.
  return each("symbol.check", questions.every((issue) => issue.unsure) ? "info" : "warning", questions);
}

/**
 * Every UN document symbol in the text and the notes must be written as the UN writes it, follow
 * its family's grammar and carry numbers that can exist (core/citations: docs/domain.md §3); "para 27"
 * becomes "para. 27". Where the right form is certain, the finding carries the fix.
 */
export const symbolFindings = perBlock((block) => {
  const findings: Finding[] = [];
  block.descendants((node, offset, parent) => {
    if (!node.isText || !node.text) return true;
    const pos = 1 + offset;
    const footnoteId = footnoteIdOf(parent);
    const text = node.text;
    for (const candidate of findSymbolCandidates(text)) {
      const written = candidate.text.replace(/[.,;:]+$/, "");
      const from = pos + candidate.index;
      findings.push(...findingsOfSymbol(written, candidate.parsed, { from, to: from + written.length, footnoteId }));
    }
    for (const match of text.matchAll(PINPOINT_WITHOUT_STOP)) {
      const [whole, word, stop, space] = match;
      if (stop === "." && space === " ") continue;
      const from = pos + match.index;
      const right = `${word}. `;
      findings.push({
        rule: "pinpoint.format",
        severity: "info",
        message: message("checks.pinpoint.format", { form: right.trim() }),
        location: { from, to: from + whole.length, footnoteId },
        fix: { label: message("checks.pinpoint.fix", { form: right.trim() }), from, to: from + whole.length, text: right },
      });
    }
    return false;
  });
  return findings;
});
