import type { EditorState } from "@tiptap/pm/state";
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
