import { useEditorState, type Editor } from "@tiptap/react";
import { FormattedMessage } from "react-intl";
import { countDocumentWords } from "../../core/checks/word-count";
import type { MessageId } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";
import { useWordsIfAccepted } from "./suggestions/words-if-accepted";
import type { DraftTemplate } from "./draft-template";
import { BudgetStatus } from "../budgets/budget-status";

const ALL = { footnotes: true, headings: true, tables: true };

/** What the template's rule counts, in the order the bar names them (the body always). */
function ruleParts(counts: DraftTemplate["counts"]): MessageId[] {
  const parts: Array<MessageId | false> = [
    "editor.words.part.body",
    counts.headings && "editor.words.part.headings",
    counts.tables && "editor.words.part.tables",
    counts.footnotes && "editor.words.part.footnotes",
  ];
  return parts.filter((part): part is MessageId => part !== false);
}

const bold = (chunks: React.ReactNode[]) => <strong>{chunks}</strong>;

/** Words against the template's limit, counted by its rule, live as anyone types: "2 815 mots" in French. */
export function WordCountBar({ editor, template }: { editor: Editor; template: DraftTemplate | null }) {
  const { t, list } = useT();
  const counts = template?.counts ?? ALL;
  const tally = useEditorState({
    editor,
    selector: ({ editor: e }) => countDocumentWords(e.state.doc, counts),
    equalityFn: (a, b) => b !== null && a.counted === b.counted && a.footnotes === b.footnotes,
  });
  const ifAccepted = useWordsIfAccepted(editor, counts);
  const limit = template?.wordLimit ?? null;
  const over = limit !== null && tally.counted > limit;
  // Not a live region: announcing every keystroke's count would drown a screen reader. Crossing
  // the limit is announced once, in the polite region below.
  return (
    <div className={over ? "status-bar status-over" : "status-bar"} role="region" aria-label={t("editor.words.label")}>
      <span className="sr-only" aria-live="polite">
        {over ? t("editor.words.over") : ""}
      </span>
      <span>
        {limit !== null ? (
          <FormattedMessage id="editor.words.ofLimit" values={{ counted: tally.counted, limit, b: bold }} />
        ) : (
          <FormattedMessage id="editor.words.noLimit" values={{ counted: tally.counted, b: bold }} />
        )}
        {over ? t("editor.words.overBy", { over: tally.counted - limit }) : ""}
        {ifAccepted !== null ? t("editor.words.ifAccepted", { counted: ifAccepted }) : ""}
      </span>
      {/* Word budgets (issue 21): the reader's organisation against its share; nothing when none is set. */}
      {limit !== null ? <BudgetStatus editor={editor} /> : null}
      <span className="muted">{t("editor.words.rule", { parts: list(ruleParts(counts).map((id) => t(id))), footnotes: tally.footnotes })}</span>
    </div>
  );
}
