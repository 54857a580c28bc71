import type { Editor } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ThreadView } from "../../../core/comments/contract";
import type { ProposedChange } from "../../../core/suggestions/compose";
import type { Said } from "../../review/say";
import type { CommentThreads } from "../comments/use-comment-threads";
import { SuggestionComposer } from "./suggestion-composer";
import type { EditorMode } from "./suggestion-marks";
import { acceptSuggestions, refreshSuggestion, rejectSuggestions } from "./decide";
import type { SuggestionDecisions } from "./suggestion-parts";
import { CommentRefused } from "../comments/comments-api";
import { message } from "../../../core/i18n/message";
import { useT } from "../../i18n/i18n-provider";

/** What the editor's plugin asks while it runs: the mode now, and where to send a proposed change. */
export interface SuggestingHooks {
  mode: EditorMode;
  propose: (change: ProposedChange, head: number) => void;
}

/** Made before the editor, so the plugin can read the mode the page chooses later. */
export function useSuggestingHooks() {
  return useRef<SuggestingHooks>({ mode: "viewing", propose: () => undefined });
}

/** The modes this person may use: editors all three, reviewers Suggesting and Viewing, viewers Viewing. */
export function availableModes(canEdit: boolean, canSuggest: boolean): EditorMode[] {
  return [...(canEdit ? (["editing"] as const) : []), ...(canSuggest ? (["suggesting"] as const) : []), "viewing"];
}

const KEYS: Record<string, EditorMode> = { KeyE: "editing", KeyS: "suggesting", KeyV: "viewing" };

/**
 * Editing, Suggesting or Viewing for this page: reviewers start (and stay) in Suggesting, editors
 * in Editing. Ctrl+Alt+Shift+E / S / V switch. In Suggesting the composer turns keystrokes into
 * this person's suggestions.
 */
export function useSuggesting({
  editor,
  hooks,
  threads,
  me,
  canEdit,
  canSuggest,
}: {
  editor: Editor | null;
  hooks: React.MutableRefObject<SuggestingHooks>;
  threads: CommentThreads;
  me: { id: string; name: string };
  canEdit: boolean;
  canSuggest: boolean;
}) {
  const { t } = useT();
  const available = availableModes(canEdit, canSuggest);
  const [chosen, setChosen] = useState<EditorMode>(canEdit ? "editing" : canSuggest ? "suggesting" : "viewing");
  // Access can change while the page is open: a mode no longer allowed falls back to the next.
  const mode = available.includes(chosen) ? chosen : available[0]!;
  const [error, setError] = useState<Said | null>(null);
  const { api, replace } = threads;
  const composer = useMemo(
    () => (editor ? new SuggestionComposer({ editor, me, send: (intent) => api.suggest(intent), replace, onError: setError, askNoteText: () => window.prompt(t("editor.suggesting.noteText")) }) : null),
    // `me` is the signed-in person and `t` the page's language: the same for the page's life.
    [editor, api, replace],
  );
  hooks.current.mode = mode;
  hooks.current.propose = (change, head) => composer?.propose(change, head);

  const list: readonly ThreadView[] | undefined = threads.snapshot?.threads;
  useEffect(() => {
    if (list) composer?.setThreads(list);
  }, [composer, list]);

  const availableKey = available.join(",");
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const wanted = event.ctrlKey && event.altKey && event.shiftKey ? KEYS[event.code] : undefined;
      if (!wanted) return;
      event.preventDefault();
      if (availableKey.split(",").includes(wanted)) setChosen(wanted);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [availableKey]);

  const decisions: SuggestionDecisions = {
    canDecide: canEdit,
    me: me.id,
    accept: (list) =>
      void run(async () => {
        if (!editor) return;
        const accepted = await acceptSuggestions(editor, list, (intent) => api.suggest(intent));
        const skipped = list.filter((thread) => thread.suggestion?.state === "open").length - accepted;
        if (skipped > 0) setError(message("editor.suggesting.skippedStale", { count: skipped }));
      }),
    reject: (list) => void run(() => rejectSuggestions(list, (intent) => api.suggest(intent))),
    withdraw: (thread) => void run(() => api.suggest({ intent: "withdraw-suggestion", threadId: thread.id })),
    refresh: (thread) => void run(async () => editor && (await refreshSuggestion(editor, thread, (intent) => api.suggest(intent)))),
  };
  /** Runs a decision; its refusal is said, and the list read again either way (others may have decided first). */
  async function run(decide: () => Promise<unknown>): Promise<void> {
    try {
      setError(null);
      await decide();
    } catch (failure) {
      setError(failure instanceof CommentRefused ? failure.said : message("editor.suggesting.decideFailed"));
    } finally {
      await threads.refresh();
    }
  }

  return { mode, available, setMode: setChosen, error, dismissError: () => setError(null), decisions };
}

export type Suggesting = ReturnType<typeof useSuggesting>;
