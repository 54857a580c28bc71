import { TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { useEffect } from "react";
import type { ThreadView } from "../../../core/comments/contract";
import { threadRanges } from "./comment-highlights";

/**
 * Ctrl+Alt+↓ / Ctrl+Alt+↑ from anywhere in the draft: select the text of the next or previous
 * open thread after the cursor (wrapping around), which marks that thread in the Comments tab.
 */
export function useThreadKeys(editor: Editor | null, threads: readonly ThreadView[]): void {
  useEffect(() => {
    if (!editor) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.ctrlKey || !event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
      const ranges = threadRanges(editor.state);
      const open = threads
        .filter((t) => t.status === "open")
        .map((t) => ranges.get(t.id))
        .filter((r): r is { from: number; to: number } => Boolean(r))
        .sort((a, b) => a.from - b.from);
      if (open.length === 0) return;
      event.preventDefault();
      const cursor = editor.state.selection.from;
      const next = event.key === "ArrowDown" ? (open.find((r) => r.from > cursor) ?? open[0]!) : ([...open].reverse().find((r) => r.from < cursor) ?? open.at(-1)!);
      editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, next.from, next.to)).scrollIntoView());
      editor.view.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [editor, threads]);
}
