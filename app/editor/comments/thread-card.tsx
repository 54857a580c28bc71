import { useState } from "react";
import type { CommentIntent, ThreadView } from "../../../core/comments/contract";
import { CommentBody } from "./comment-body";
import { CommentComposer } from "./comment-composer";
import type { CommentMember } from "./comments-api";
import { formatCommentDate } from "./comment-date";

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
}: {
  thread: ThreadView;
  me: string;
  canComment: boolean;
  members: readonly CommentMember[];
  active: boolean;
  detached: boolean;
  send: (intent: CommentIntent) => Promise<boolean>;
  onJump: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const resolved = thread.status === "resolved";
  const mentioned = (ids: readonly string[]) => members.filter((m) => ids.includes(m.id));
  return (
    <li
      className={`thread-card${active ? " is-active" : ""}${resolved ? " is-resolved" : ""}`}
      data-thread-id={thread.id}
      tabIndex={-1}
      aria-label={`Comment thread on “${excerpt(thread.anchor.quote)}”${resolved ? ", resolved" : ""}`}
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target === event.currentTarget) onJump();
      }}
    >
      <button type="button" className="thread-quote" onClick={onJump} disabled={detached} title={detached ? "This text was deleted" : "Go to the text"}>
        “{excerpt(thread.anchor.quote)}”
      </button>
      <ol className="thread-comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="thread-comment">
            <p className="small">
              <strong>{comment.authorName}</strong> <span className="muted">
                <time dateTime={comment.createdAt}>{formatCommentDate(comment.createdAt)}</time>
                {comment.editedAt ? " · edited" : ""}
              </span>
            </p>
            {comment.deleted ? (
              <p className="comment-body muted">Comment deleted.</p>
            ) : editing === comment.id ? (
              <CommentComposer
                members={members}
                label="Edit your comment"
                submitLabel="Save"
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
                  Edit
                </button>
                <button
                  type="button"
                  className="btn btn-link btn-sm"
                  onClick={() => window.confirm("Delete this comment?") && void send({ intent: "delete", commentId: comment.id })}
                >
                  Delete
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
              Reply
            </button>
          ) : null}
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void send({ intent: resolved ? "reopen" : "resolve", threadId: thread.id })}>
            {resolved ? "Reopen" : "Resolve"}
          </button>
        </div>
      ) : null}
      {replying ? (
        <CommentComposer
          members={members}
          label="Reply"
          submitLabel="Reply"
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
