import type { Editor } from "@tiptap/core";
import { anchorFor } from "../../../core/comments/anchors";
import { QUOTE_MAX_CHARS, type ThreadView } from "../../../core/comments/contract";
import { applySuggestions, type Placed } from "../../../core/suggestions/apply";
import { acceptedText } from "../../../core/suggestions/compose";
import type { SuggestionIntent } from "../../../core/suggestions/contract";
import { bindingOf } from "../comments/comment-highlights";
import { APPLYING_SUGGESTIONS, suggestionState } from "./suggestion-marks";

type Send = (intent: SuggestionIntent) => Promise<unknown>;

/** Open suggestions among these threads that can be accepted now: placed, and not stale. */
export function acceptable(editor: Editor, threads: readonly ThreadView[]): ThreadView[] {
  const state = suggestionState(editor.state);
  if (!state) return [];
  return threads.filter((t) => t.suggestion?.state === "open" && state.ranges.get(t.id) && !state.stale.has(t.id));
}

/**
 * Accepts suggestions: the server records the decision first (refusing any revised since this
 * person read it), then this editor applies them to the text as one ordinary edit, which Ctrl+Z
 * undoes like any other. Placed again after the answer: others may have typed meanwhile.
 */
export async function acceptSuggestions(editor: Editor, threads: readonly ThreadView[], send: Send): Promise<number> {
  const chosen = acceptable(editor, threads);
  if (chosen.length === 0) return 0;
  await send({ intent: "decide-suggestions", decision: "accept", items: chosen.map((t) => ({ threadId: t.id, revision: t.suggestion!.revision })) });
  const state = suggestionState(editor.state);
  if (!state || editor.isDestroyed) return 0;
  const placed: Placed[] = [];
  for (const thread of chosen) {
    const range = state.ranges.get(thread.id);
    const item = state.items.find((i) => i.id === thread.id);
    if (range && item) placed.push({ range, insert: item.insert });
  }
  const tr = editor.state.tr.setMeta(APPLYING_SUGGESTIONS, true);
  applySuggestions(tr, placed);
  if (tr.docChanged) editor.view.dispatch(tr);
  return placed.length;
}

export async function rejectSuggestions(threads: readonly ThreadView[], send: Send): Promise<void> {
  const open = threads.filter((t) => t.suggestion?.state === "open");
  if (open.length === 0) return;
  await send({ intent: "decide-suggestions", decision: "reject", items: open.map((t) => ({ threadId: t.id, revision: t.suggestion!.revision })) });
}

/** A stale suggestion taken up again on the text as it is now: same proposed words, new place. */
export async function refreshSuggestion(editor: Editor, thread: ThreadView, send: Send): Promise<boolean> {
  const range = suggestionState(editor.state)?.ranges.get(thread.id);
  const binding = bindingOf(editor.state);
  if (!range || !binding || !thread.suggestion) return false;
  const deleted = acceptedText(editor.state.doc, range);
  const anchor = anchorFor(binding, range.from, range.to, deleted.slice(0, QUOTE_MAX_CHARS));
  await send({ intent: "refresh-suggestion", threadId: thread.id, revision: thread.suggestion.revision, anchor, deleted });
  return true;
}
