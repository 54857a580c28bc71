import { TextSelection, type Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useState, type KeyboardEvent } from "react";
import type { Anchor, CommentIntent, ThreadView } from "../../../core/comments/contract";
import { setActiveThread, threadRanges, type ThreadRange } from "./comment-highlights";
import { CommentComposer } from "./comment-composer";
import { CommentRefused } from "./comments-api";
import { ThreadCard } from "./thread-card";
import type { CommentThreads } from "./use-comment-threads";
import { goTo } from "../go-to";

const FILTERS = [
  { id: "open", label: "Open" },
  { id: "resolved", label: "Resolved" },
  { id: "mine", label: "Mine" },
  { id: "mentions", label: "Mentioning me" },
] as const;
type Filter = (typeof FILTERS)[number]["id"];

function matches(thread: ThreadView, filter: Filter, me: string): boolean {
  if (filter === "open") return thread.status === "open";
  if (filter === "resolved") return thread.status === "resolved";
  if (filter === "mine") return thread.comments.some((c) => c.authorId === me);
  return thread.comments.some((c) => c.mentions.includes(me));
}

/** Puts the cursor on a thread's text and scrolls it into view. */
function jumpTo(editor: Editor, range: ThreadRange): void {
  if (!range) return;
  goTo(editor, TextSelection.create(editor.state.doc, range.from, range.to));
}

/**
 * The Comments tab: threads in the order of their text, the one at the cursor marked and kept in
 * view; a thread whose text was deleted is listed under "Detached" with the words it was on.
 * Arrow keys move between threads, Enter goes to the text.
 */
export function CommentsPanel({
  editor,
  threads: { snapshot, error, replace, refresh, api },
  pendingAnchor,
  onPendingDone,
  opened,
}: {
  editor: Editor;
  threads: CommentThreads;
  pendingAnchor: Anchor | null;
  onPendingDone: () => void;
  /** A thread opened from its margin marker. */
  opened: { id: string } | null;
}) {
  const [filter, setFilter] = useState<Filter>("open");
  const [failure, setFailure] = useState<string | null>(null);
  const { ranges, cursor } = useEditorState({ editor, selector: ({ editor: e }) => ({ ranges: threadRanges(e.state), cursor: e.state.selection.from }) });
  // A notification links to the draft with ?thread=<id>: that thread starts chosen.
  const [chosen, setChosen] = useState<string | null>(() => new URLSearchParams(window.location.search).get("thread"));
  useEffect(() => {
    if (opened) setChosen(opened.id);
  }, [opened]);
  // Once this person moves the cursor, the thread at the cursor is the one marked again. Others'
  // edits (y-sync transactions) move the selection too, but are not a choice.
  useEffect(() => {
    const onSelection = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.getMeta(ySyncPluginKey)) setChosen(null);
    };
    editor.on("selectionUpdate", onSelection);
    return () => {
      editor.off("selectionUpdate", onSelection);
    };
  }, [editor]);

  const threadList = snapshot?.threads ?? [];
  const me = snapshot?.me.id ?? "";
  const shown = threadList.filter((t) => matches(t, filter, me));
  const attached = shown.filter((t) => ranges.get(t.id)).sort((a, b) => ranges.get(a.id)!.from - ranges.get(b.id)!.from);
  const detached = shown.filter((t) => !ranges.get(t.id));
  const atCursor = attached.find((t) => ranges.get(t.id)!.from <= cursor && cursor <= ranges.get(t.id)!.to)?.id ?? null;
  const active = chosen ?? atCursor;

  useEffect(() => {
    setActiveThread(editor, active);
    document.querySelector(`.thread-card[data-thread-id="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [editor, active]);

  const send = async (intent: CommentIntent): Promise<boolean> => {
    try {
      const thread = await api.send(intent);
      // A deleted thread comes back as null: read the list again rather than guess which it was.
      if (thread) replace(thread);
      else await refresh();
      setFailure(null);
      return true;
    } catch (refused) {
      setFailure(refused instanceof CommentRefused ? refused.message : "The comment could not be sent: check the connection and try again.");
      return false;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const cards = [...event.currentTarget.querySelectorAll<HTMLElement>(":scope > .thread-card")];
    const at = cards.findIndex((card) => card.contains(document.activeElement));
    const next = cards[Math.max(0, Math.min(cards.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))];
    if (!next) return;
    event.preventDefault();
    next.focus();
    setChosen(next.dataset.threadId ?? null);
  };

  const card = (thread: ThreadView, isDetached: boolean) => (
    <ThreadCard
      key={thread.id}
      thread={thread}
      me={me}
      canComment={snapshot?.me.canComment ?? false}
      members={snapshot?.members ?? []}
      active={thread.id === active}
      detached={isDetached}
      send={send}
      onJump={() => {
        setChosen(null);
        jumpTo(editor, ranges.get(thread.id) ?? null);
      }}
    />
  );

  return (
    <div className="comments-panel">
      {pendingAnchor && snapshot?.me.canComment ? (
        <section aria-label="New comment" className="thread-card is-active">
          <p className="thread-quote small">“{pendingAnchor.quote.length > 140 ? `${pendingAnchor.quote.slice(0, 139)}…` : pendingAnchor.quote}”</p>
          <CommentComposer
            members={snapshot.members}
            label="Comment"
            submitLabel="Comment"
            autoFocus
            onCancel={onPendingDone}
            onSubmit={async (body, mentions) => {
              const done = await send({ intent: "create-thread", anchor: pendingAnchor, body, mentions });
              if (done) onPendingDone();
              return done;
            }}
          />
        </section>
      ) : null}
      {error ? <p className="small error">{error}</p> : null}
      {failure ? (
        <p className="small error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="comment-filters" role="group" aria-label="Show threads">
        {FILTERS.map((f) => (
          <button key={f.id} type="button" className={`btn btn-sm ${filter === f.id ? "btn-primary" : "btn-secondary"}`} aria-pressed={filter === f.id} onClick={() => setFilter(f.id)}>
            {f.label} <span className="filter-count">{threadList.filter((t) => matches(t, f.id, me)).length}</span>
          </button>
        ))}
      </div>
      {!snapshot ? <p className="muted small">Loading comments…</p> : null}
      {snapshot && shown.length === 0 ? (
        <p className="muted small">{filter === "open" ? "No open comments. Select text and press Comment (Ctrl+Alt+M)." : "No threads here."}</p>
      ) : null}
      {attached.length > 1 ? (
        <p className="muted small">Ctrl+Alt+↓ and Ctrl+Alt+↑ go to the next and previous thread; ↓ and ↑ move through this list.</p>
      ) : null}
      <ol className="thread-list" aria-label="Comment threads" onKeyDown={onKeyDown}>
        {attached.map((thread) => card(thread, false))}
      </ol>
      {detached.length > 0 ? (
        <section aria-label="Detached threads">
          <h3 className="small">Detached: their text was deleted</h3>
          <ol className="thread-list" onKeyDown={onKeyDown}>
            {detached.map((thread) => card(thread, true))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
