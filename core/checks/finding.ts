import type { Node as PMNode } from "@tiptap/pm/model";
import type { Message } from "../i18n/message";

/**
 * What every pre-flight rule reports (issue 6): pure data, computed from the canonical document,
 * so the editor's Checks panel, the export's pre-flight summary and the command-line check all
 * show the same findings.
 */
export type Severity = "error" | "warning" | "info";

/** Where a finding is: ProseMirror positions in the draft's body, so the UI can jump there. */
export interface FindingLocation {
  from: number;
  to: number;
  /** The footnote it is in, when it is in one (its id survives edits; positions do not). */
  footnoteId?: string;
}

/**
 * A change that resolves the finding and is safe to make without asking what the writer meant:
 * replace the text between `from` and `to` with `text` (applied as an ordinary, undoable edit).
 */
export interface Fix {
  /** What the button says ("Write “para.”"), put into words by whoever shows it. */
  label: Message;
  from: number;
  to: number;
  text: string;
}

export interface Finding {
  /** Stable id of the rule, e.g. "footnote.empty", "symbol.normalise". */
  rule: string;
  severity: Severity;
  /**
   * What is wrong and what to do, as a catalogue message (locales/ui/<language>/checks.json): the
   * Checks tab, the export dialog and `npm run check -- --lang` each put it into their reader's words.
   */
  message: Message;
  location: FindingLocation | null;
  fix?: Fix;
}

/** One rule: reads the document (and what else it needs) and reports findings. */
export type Rule<Context> = (doc: PMNode, context: Context) => Finding[];
