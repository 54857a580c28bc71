import { useEditorState, type Editor } from "@tiptap/react";
import { countDocumentWords } from "../../core/checks/word-count";
import { count, plural } from "../../core/text/count";
import type { DraftTemplate } from "./draft-template";

const ALL = { footnotes: true, headings: true, tables: true };

function ruleText(counts: DraftTemplate["counts"]): string {
  const parts = ["body", counts.headings && "headings", counts.tables && "tables", counts.footnotes && "footnotes"].filter(Boolean);
  return parts.join(", ");
}

/** Words against the template's limit, counted by its rule, live as anyone types. */
export function WordCountBar({ editor, template }: { editor: Editor; template: DraftTemplate | null }) {
  const counts = template?.counts ?? ALL;
  const tally = useEditorState({
    editor,
    selector: ({ editor: e }) => countDocumentWords(e.state.doc, counts),
    equalityFn: (a, b) => b !== null && a.counted === b.counted && a.footnotes === b.footnotes,
  });
  const limit = template?.wordLimit ?? null;
  const over = limit !== null && tally.counted > limit;
  const format = (n: number) => n.toLocaleString("en");
  // Not a live region: announcing every keystroke's count would drown a screen reader. Crossing
  // the limit is announced once, in the polite region below.
  return (
    <div className={over ? "status-bar status-over" : "status-bar"} role="region" aria-label="Word count">
      <span className="sr-only" aria-live="polite">
        {over ? "The draft is over its word limit." : ""}
      </span>
      <span>
        <strong>{format(tally.counted)}</strong>
        {limit !== null ? ` / ${format(limit)} ${plural(limit, "word")}` : ` ${plural(tally.counted, "word")} (no published limit)`}
        {over ? ` — ${format(tally.counted - limit)} over` : ""}
      </span>
      <span className="muted">Counted: {ruleText(counts)}. Footnotes: {count(tally.footnotes, "word")}.</span>
    </div>
  );
}
