import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useState } from "react";
import { anchorFor } from "../../../core/comments/anchors";
import { QUOTE_MAX_CHARS, type Anchor } from "../../../core/comments/contract";
import { bindingOf } from "./comment-highlights";
import type { MessageId } from "../../../core/i18n/message";

const isCommentShortcut = (event: KeyboardEvent) => event.ctrlKey && event.altKey && !event.shiftKey && event.code === "KeyM";

/**
 * Starting a comment on the selection, from the toolbar or with Ctrl+Alt+M (which works in a
 * read-only editor too, where a reviewer can select but not type). Null `start` when this
 * person may not comment.
 */
export function useStartComment(editor: Editor | null, canComment: boolean) {
  const [pending, setPending] = useState<Anchor | null>(null);
  const [hint, setHint] = useState<MessageId | null>(null);

  const start = useCallback(() => {
    if (!editor) return;
    const { from, to, empty } = editor.state.selection;
    const quote = editor.state.doc.textBetween(from, to, " ", " ").replace(/\s+/g, " ").trim().slice(0, QUOTE_MAX_CHARS);
    const binding = bindingOf(editor.state);
    if (empty || !quote || !binding) {
      setHint("comments.hint");
      return;
    }
    setHint(null);
    setPending(anchorFor(binding, from, to, quote));
  }, [editor]);

  useEffect(() => {
    if (!canComment) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      start();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [canComment, start]);

  const done = useCallback(() => setPending(null), []);
  return { start: canComment ? start : null, pending, done, hint };
}
