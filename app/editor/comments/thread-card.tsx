import { useState, type ReactNode } from "react";
import type { CommentIntent, ThreadView } from "../../../core/comments/contract";
import { CommentBody } from "./comment-body";
import { CommentComposer } from "./comment-composer";
import type { CommentMember } from "./comments-api";
import { commentDateOptions } from "./comment-date";
import { useT } from "../../i18n/i18n-provider";

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/** One thread: the quoted text, its comments oldest first, and what this person may do with it. */
export function ThreadCard({
  thread,
  me,
  canComment,
  members,
  active,
  detached,
  send,
  onJump,
  suggestion,
}: {
  thread: ThreadView;
  me: string;
  canComment: boolean;
  members: readonly CommentMember[];
  active: boolean;
  detached: boolean;
  send: (intent: CommentIntent) => Promise<boolean>;
  onJump: () => void;
  /** A suggestion's card: its change in words and its decisions, in place of the quote and Resolve. */
  suggestion?: { summary: ReactNode; label: string; actions: ReactNode };
}) {
  const { t, date } = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const resolved = thread.status === "resolved";
  const mentioned = (ids: readonly string[]) => members.filter((m) => ids.includes(m.id));
  return (
    <li
      className={`thread-card${suggestion ? " suggestion-card" : ""}${active ? " is-active" : ""}${resolved ? " is-resolved" : ""}`}
      data-thread-id={thread.id}
      tabIndex={-1}
      aria-label={suggestion ? suggestion.label : t(resolved ? "comments.thread.labelResolved" : "comments.thread.label", { quote: excerpt(thread.anchor.quote) })}
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target === event.currentTarget) onJump();
      }}
    >
      <button type="button" className="thread-quote" onClick={onJump} disabled={detached} title={detached ? t("comments.thread.textDeleted") : t("comments.thread.goTo")}>
        {suggestion ? suggestion.summary : t("comments.quote", { quote: excerpt(thread.anchor.quote) })}
      </button>
      {suggestion?.actions}
      <ol className="thread-comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="thread-comment">
            <p className="small">
              <strong>{comment.authorName}</strong> <span className="muted">
                <time dateTime={comment.createdAt}>{date(comment.createdAt, commentDateOptions(comment.createdAt))}</time>
                {comment.editedAt ? t("comments.thread.edited") : ""}
              </span>
            </p>
            {comment.deleted ? (
              <p className="comment-body muted">{t("comments.thread.deleted")}</p>
            ) : editing === comment.id ? (
              <CommentComposer
                members={members}
                label={t("comments.thread.editLabel")}
                submitLabel={t("comments.thread.save")}
                initial={comment.body}
                autoFocus
                onCancel={() => setEditing(null)}
                onSubmit={async (body, mentions) => {
                  const done = await send({ intent: "edit", commentId: comment.id, body, mentions });
                  if (done) setEditing(null);
                  return done;
                }}
              />
            ) : (
              <CommentBody body={comment.body} mentioned={mentioned(comment.mentions)} />
            )}
            {comment.authorId === me && canComment && !comment.deleted && editing !== comment.id ? (
              <div className="comment-actions">
                <button type="button" className="btn btn-link btn-sm" onClick={() => setEditing(comment.id)}>
                  {t("comments.thread.edit")}
                </button>
                <button
                  type="button"
                  className="btn btn-link btn-sm"
                  onClick={() => window.confirm(t("comments.thread.confirmDelete")) && void send({ intent: "delete", commentId: comment.id })}
                >
                  {t("comments.thread.delete")}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {canComment ? (
        <div className="comment-actions">
          {!resolved && !replying ? (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => setReplying(true)}>
              {t("comments.thread.reply")}
            </button>
          ) : null}
          {suggestion ? null : (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => void send({ intent: resolved ? "reopen" : "resolve", threadId: thread.id })}>
              {resolved ? t("comments.thread.reopen") : t("comments.thread.resolve")}
            </button>
          )}
        </div>
      ) : null}
      {replying ? (
        <CommentComposer
          members={members}
          label={t("comments.thread.reply")}
          submitLabel={t("comments.thread.reply")}
          autoFocus
          onCancel={() => setReplying(false)}
          onSubmit={async (body, mentions) => {
            const done = await send({ intent: "reply", threadId: thread.id, body, mentions });
            if (done) setReplying(false);
            return done;
          }}
        />
      ) : null}
    </li>
  );
}
