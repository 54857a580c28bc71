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
import { useT } from "../../i18n/i18n-provider";
import { say, type Said } from "../../review/say";
import { message } from "../../../core/i18n/message";
import { suggestionState } from "../suggestions/suggestion-marks";
import { BulkDecisions, useSuggestionCard, type SuggestionDecisions } from "../suggestions/suggestion-parts";

const FILTERS = [
  { id: "open", label: "comments.filter.open" },
  { id: "resolved", label: "comments.filter.resolved" },
  { id: "mine", label: "comments.filter.mine" },
  { id: "mentions", label: "comments.filter.mentions" },
  { id: "suggestions", label: "editor.suggesting.filter" },
] as const;
type Filter = (typeof FILTERS)[number]["id"];

function matches(thread: ThreadView, filter: Filter, me: string): boolean {
  if (filter === "open") return thread.status === "open";
  if (filter === "resolved") return thread.status === "resolved";
  if (filter === "suggestions") return thread.suggestion?.state === "open";
  if (filter === "mine") return thread.comments.some((c) => c.authorId === me) || thread.suggestion?.authorId === me;
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
  decisions,
}: {
  editor: Editor;
  threads: CommentThreads;
  pendingAnchor: Anchor | null;
  onPendingDone: () => void;
  /** A thread opened from its margin marker. */
  opened: { id: string } | null;
  /** Accept, reject, withdraw and refresh for suggestion cards. */
  decisions: SuggestionDecisions;
}) {
  const { t, text, number } = useT();
  const [filter, setFilter] = useState<Filter>("open");
  const [failure, setFailure] = useState<Said | null>(null);
  const { ranges, cursor, stale } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ ranges: threadRanges(e.state), cursor: e.state.selection.from, stale: suggestionState(e.state)?.stale }),
    // By reference (the plugins make new maps only when something moved): see comment-markers.tsx.
    equalityFn: (a, b) => b !== null && a.ranges === b.ranges && a.cursor === b.cursor && a.stale === b.stale,
  });
  const suggestionCard = useSuggestionCard(editor, decisions);
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
  const shown = threadList.filter((th) => matches(th, filter, me));
  const attached = shown.filter((th) => ranges.get(th.id)).sort((a, b) => ranges.get(a.id)!.from - ranges.get(b.id)!.from);
  const detached = shown.filter((th) => !ranges.get(th.id));
  const atCursor = attached.find((th) => ranges.get(th.id)!.from <= cursor && cursor <= ranges.get(th.id)!.to)?.id ?? null;
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
      setFailure(refused instanceof CommentRefused ? refused.said : message("comments.sendFailed"));
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
      suggestion={thread.suggestion ? suggestionCard(thread, stale?.has(thread.id) ?? false, !isDetached) : undefined}
      onJump={() => {
        setChosen(null);
        jumpTo(editor, ranges.get(thread.id) ?? null);
      }}
    />
  );

  return (
    <div className="comments-panel">
      {pendingAnchor && snapshot?.me.canComment ? (
        <section aria-label={t("comments.new")} className="thread-card is-active">
          <p className="thread-quote small">{t("comments.quote", { quote: pendingAnchor.quote.length > 140 ? `${pendingAnchor.quote.slice(0, 139)}…` : pendingAnchor.quote })}</p>
          <CommentComposer
            members={snapshot.members}
            label={t("comments.comment")}
            submitLabel={t("comments.comment")}
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
      {error ? <p className="small error">{say(text, error)}</p> : null}
      {failure ? (
        <p className="small error" role="alert">
          {say(text, failure)}
        </p>
      ) : null}
      <BulkDecisions threads={threadList} decisions={decisions} />
      <div className="comment-filters" role="group" aria-label={t("comments.filters")}>
        {FILTERS.map((f) => (
          <button key={f.id} type="button" className={`btn btn-sm ${filter === f.id ? "btn-primary" : "btn-secondary"}`} aria-pressed={filter === f.id} onClick={() => setFilter(f.id)}>
            {t(f.label)} <span className="filter-count">{number(threadList.filter((thread) => matches(thread, f.id, me)).length)}</span>
          </button>
        ))}
      </div>
      {!snapshot ? <p className="muted small">{t("comments.loading")}</p> : null}
      {snapshot && shown.length === 0 ? (
        <p className="muted small">{filter === "open" ? t("comments.emptyOpen") : t("comments.empty")}</p>
      ) : null}
      {attached.length > 1 ? (
        <p className="muted small">{t("comments.keys")}</p>
      ) : null}
      <ol className="thread-list" aria-label={t("comments.list")} onKeyDown={onKeyDown}>
        {attached.map((thread) => card(thread, false))}
      </ol>
      {detached.length > 0 ? (
        <section aria-label={t("comments.detachedLabel")}>
          <h3 className="small">{t("comments.detached")}</h3>
          <ol className="thread-list" onKeyDown={onKeyDown}>
            {detached.map((thread) => card(thread, true))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
