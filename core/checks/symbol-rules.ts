import type { Node as PMNode } from "@tiptap/pm/model";
import { findSymbolCandidates, namesASessionNotADocument } from "../citations/un-symbol";
import type { Finding } from "./finding";
import { perBlock } from "./node-memo";

/** "para 27", "paras 3 and 4", "para.27": the UN writes "para. 27" (rules.md §4b). */
const PINPOINT_WITHOUT_STOP = /\b(paras?)(\.?)(\s*)(?=\d)/g;

/** The id of the footnote a text node is in (its parent), for findings in notes. */
const footnoteIdOf = (parent: PMNode | null) =>
  parent?.type.name === "footnote" && parent.attrs.id ? String(parent.attrs.id) : undefined;

/**
 * Every UN document symbol in the text and the notes must parse (core/citations grammar,
 * rules.md §3c) and be written as the UN writes it ("Add.1", plain hyphen in "7-8", no spaces);
 * "para 27" becomes "para. 27". Where the right form is certain, the finding carries the fix.
 */
export const symbolFindings = perBlock((block) => {
  const findings: Finding[] = [];
  block.descendants((node, offset, parent) => {
    if (!node.isText || !node.text) return true;
    const pos = 1 + offset;
    const footnoteId = footnoteIdOf(parent);
    const text = node.text;
    for (const candidate of findSymbolCandidates(text)) {
      const from = pos + candidate.index;
      const to = from + candidate.text.length;
      const location = { from, to, footnoteId };
      const { parsed } = candidate;
      if (!parsed.valid || namesASessionNotADocument(parsed)) {
        const why = parsed.valid
          ? "this names a session, not a document: is the document number missing (A/HRC/25/5)?"
          : (parsed.issues.find((issue) => issue.severity === "error")?.message ?? "It does not have the form of a UN document symbol.");
        findings.push({ rule: "symbol.invalid", severity: "warning", message: `“${candidate.text}”: ${why}`, location });
      } else if (parsed.normalised !== candidate.text.replace(/[.,;:]+$/, "")) {
        const written = candidate.text.replace(/[.,;:]+$/, "");
        findings.push({
          rule: "symbol.normalise",
          severity: "warning",
          message: `The UN writes “${written}” as “${parsed.normalised}”.`,
          location: { ...location, to: from + written.length },
          fix: { label: `Write ${parsed.normalised}`, from, to: from + written.length, text: parsed.normalised },
        });
      }
    }
    for (const match of text.matchAll(PINPOINT_WITHOUT_STOP)) {
      const [whole, word, stop, space] = match;
      if (stop === "." && space === " ") continue;
      const from = pos + match.index;
      const right = `${word}. `;
      findings.push({
        rule: "pinpoint.format",
        severity: "info",
        message: `Paragraph references read “${right.trim()} 27”, with a full stop and a space.`,
        location: { from, to: from + whole.length, footnoteId },
        fix: { label: `Write “${right.trim()}”`, from, to: from + whole.length, text: right },
      });
    }
    return false;
  });
  return findings;
});
