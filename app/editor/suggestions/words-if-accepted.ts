import type { EditorState } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { countDocumentWords, type CountingRule } from "../../../core/checks/word-count";
import { withSuggestionsAccepted, type Placed } from "../../../core/suggestions/apply";
import { suggestionState } from "./suggestion-marks";

/**
 * The counted words as they would be with every open suggestion accepted, or null when there is
 * none. Only the paragraphs a suggestion touches are new nodes, so the per-node word counts of
 * the rest are reused and this stays cheap on a long draft.
 */
export function wordsIfAccepted(state: EditorState, rule: CountingRule): number | null {
  const marks = suggestionState(state);
  if (!marks || marks.items.length === 0) return null;
  const placed: Placed[] = [];
  for (const item of marks.items) {
    const range = marks.ranges.get(item.id);
    if (range && !marks.stale.has(item.id)) placed.push({ range, insert: item.insert });
  }
  if (placed.length === 0) return null;
  return countDocumentWords(withSuggestionsAccepted(state.doc, placed), rule).counted;
}

/** Quiet time after the last change before the count is taken again: it need not follow each keystroke. */
const SETTLE_MS = 300;

/**
 * wordsIfAccepted for a component, taken again once edits and suggestions have been quiet for a
 * moment: at 500 suggestions on a long draft one count is tens of milliseconds, too much to pay
 * on every keystroke (bench/suggestions.ts).
 */
export function useWordsIfAccepted(editor: Editor, rule: CountingRule): number | null {
  const [counted, setCounted] = useState<number | null>(() => wordsIfAccepted(editor.state, rule));
  const { footnotes, headings, tables } = rule;
  useEffect(() => {
    const current = { footnotes, headings, tables };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seenDoc: unknown = null;
    let seenMarks: unknown = null;
    const onTransaction = () => {
      const marks = suggestionState(editor.state);
      // A caret move changes neither the text nor the suggestions.
      if (editor.state.doc === seenDoc && marks === seenMarks) return;
      seenDoc = editor.state.doc;
      seenMarks = marks;
      clearTimeout(timer);
      timer = setTimeout(() => !editor.isDestroyed && setCounted(wordsIfAccepted(editor.state, current)), SETTLE_MS);
    };
    editor.on("transaction", onTransaction);
    onTransaction();
    return () => {
      clearTimeout(timer);
      editor.off("transaction", onTransaction);
    };
  }, [editor, footnotes, headings, tables]);
  return counted;
}
