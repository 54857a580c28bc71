import { useEditorState, type Editor } from "@tiptap/react";
import { useLayoutEffect, useRef, useState } from "react";
import type { ThreadView } from "../../../core/comments/contract";
import { threadRanges } from "./comment-highlights";
import { useT } from "../../i18n/i18n-provider";

/** Markers closer than this are pushed down, so two threads on one line stay apart. */
const MIN_GAP_PX = 26;

interface Placed {
  thread: ThreadView;
  top: number;
}

/**
 * A marker in the page's margin level with each open thread's text, the way Word shows comment
 * balloons: the threads are aligned with what they are about while the Comments tab lists them
 * in full. Clicking a marker opens the thread in the Comments tab.
 */
export function CommentMarkers({ editor, threads, onOpen }: { editor: Editor; threads: readonly ThreadView[]; onOpen: (threadId: string) => void }) {
  // Compared by reference: the plugin makes a new map only when ranges change, and a deep
  // comparison of hundreds of ranges on every transaction (each keystroke) costs more than it saves.
  const { ranges, doc } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ ranges: threadRanges(e.state), doc: e.state.doc }),
    equalityFn: (a, b) => b !== null && a.ranges === b.ranges && a.doc === b.doc,
  });
  const { t, number } = useT();
  const layer = useRef<HTMLDivElement>(null);
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const origin = layer.current?.getBoundingClientRect().top;
    if (origin === undefined || editor.isDestroyed) return;
    const open = threads
      .filter((t) => t.status === "open" && ranges.get(t.id))
      .map((thread) => ({ thread, from: ranges.get(thread.id)!.from }))
      .sort((a, b) => a.from - b.from);
    const next: Placed[] = [];
    let floor = -Infinity;
    for (const { thread, from } of open) {
      let top: number;
      try {
        top = editor.view.coordsAtPos(from).top - origin;
      } catch {
        continue; // A position the view has not drawn yet: it is placed on the next update.
      }
      top = Math.max(top, floor + MIN_GAP_PX);
      floor = top;
      next.push({ thread, top });
    }
    setPlaced(next);
  }, [editor, threads, ranges, doc, width]);

  // The text reflows when the window is resized: place the markers again.
  useLayoutEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);

  return (
    <div className="comment-markers" ref={layer} aria-hidden={placed.length === 0}>
      {placed.map(({ thread, top }) => (
        <button
          key={thread.id}
          type="button"
          className="comment-marker"
          style={{ top }}
          title={t("comments.marker.title", { count: thread.comments.length, quote: thread.anchor.quote.slice(0, 60) })}
          aria-label={t("comments.marker.label", { count: thread.comments.length, quote: thread.anchor.quote.slice(0, 60) })}
          onClick={() => onOpen(thread.id)}
        >
          {number(thread.comments.length)}
        </button>
      ))}
    </div>
  );
}
