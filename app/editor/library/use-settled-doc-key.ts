import type { Node as PMNode } from "@tiptap/pm/model";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";

/**
 * A string read from the document once edits pause for `delayMs` (and once at the start): the
 * set of library ids a draft cites, say. It changes only when that string does, so effects that
 * ask the server depend on it rather than on every keystroke.
 */
export function useSettledDocKey(editor: Editor | null, read: (doc: PMNode) => string, delayMs: number): string {
  const [key, setKey] = useState("");
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setKey(read(editor.state.doc)), delayMs);
    };
    schedule();
    editor.on("update", schedule);
    return () => {
      clearTimeout(timer);
      editor.off("update", schedule);
    };
  }, [editor, read, delayMs]);
  return key;
}
