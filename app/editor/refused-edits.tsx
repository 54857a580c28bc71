import type { Node as PMNode } from "@tiptap/pm/model";
import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { refusedText, type RefusedPiece } from "../../core/collab/refused-changes";
import type { RefusalReason } from "../../core/collab/session-messages";
import { anchorFor } from "../../core/comments/anchors";
import { COMMENT_MAX_CHARS, QUOTE_MAX_CHARS } from "../../core/comments/contract";
import { bindingOf } from "./comments/comment-highlights";
import { CommentRefused, type CommentsApi } from "./comments/comments-api";
import type { RefusedWork } from "./use-collab-session";
import { message, type Message, type MessageId } from "../../core/i18n/message";
import type { Translator } from "../../core/i18n/translator";
import { useT } from "../i18n/i18n-provider";
import { say, type Said } from "../review/say";

export const REFUSAL_MESSAGES: Record<RefusalReason, MessageId> = {
  "read-only": "editor.refused.reason.readOnly",
  submitting: "editor.refused.reason.submitting",
  submitted: "editor.refused.reason.submitted",
};

/** The first line of the comments posted for refused work, in the poster's language. */
const COMMENT_INTROS: Record<RefusalReason, MessageId> = {
  "read-only": "editor.refused.comment.readOnly",
  submitting: "editor.refused.comment.submitting",
  submitted: "editor.refused.comment.submitted",
};

/** Pieces shown in the panel; the rest are in Copy and in the comments. */
const SHOWN = 12;
const SHOWN_CHARS = 400;
const shortened = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);

const describePlace = (place: RefusedPiece["place"]): Message =>
  place.part === "body" ? message("editor.refused.place.body") : place.part === "note" ? message("editor.refused.place.note", { n: place.note + 1 }) : message("editor.refused.place.cover", { field: place.field });

/**
 * The server refused this device's work (issue 16): say why in words, show what was not
 * accepted, let the person copy it or post it as comments where it was, then dismiss. The
 * draft has already been reset to the server's copy; this is the only place the work remains.
 */
export function RefusedEdits({ work, editor, comments, canComment, onDismiss }: { work: RefusedWork; editor: Editor | null; comments: CommentsApi; canComment: boolean; onDismiss: () => void }) {
  const { t, text } = useT();
  const [note, setNote] = useState<Said | null>(null);
  const [posting, setPosting] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(refusedText(work.pieces));
      setNote(message("editor.refused.copied"));
    } catch {
      setNote(message("editor.refused.copyFailed"));
    }
  };
  const post = async () => {
    if (!editor) return;
    setPosting(true);
    try {
      const posted = await postAsComments(editor, comments, work, t);
      setNote(message("editor.refused.posted", { count: posted }));
    } catch (error) {
      // The server's refusal is already in this person's language; anything else is said here.
      setNote(error instanceof StillOpening ? message("editor.refused.stillOpening") : error instanceof CommentRefused ? error.said : message("editor.refused.notPosted"));
    } finally {
      setPosting(false);
    }
  };
  return (
    <div className="alert alert-warning refused-edits" role="alert">
      <p className="alert-title">{t("editor.refused.title")}</p>
      <div className="alert-body">
        <p>{t(REFUSAL_MESSAGES[work.reason])}</p>
        <ul className="refused-pieces">
          {work.pieces.slice(0, SHOWN).map((piece, i) => (
            <li key={i}>
              <span className="muted">{t(piece.kind === "added" ? "editor.refused.added" : "editor.refused.deleted", { place: text(describePlace(piece.place)) })}</span>
              <q>{shortened(piece.text)}</q>
            </li>
          ))}
        </ul>
        {work.pieces.length > SHOWN ? <p className="small muted">{t("editor.refused.more", { count: work.pieces.length - SHOWN })}</p> : null}
        <div className="form-actions">
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void copy()}>
            {t("editor.refused.copy")}
          </button>
          {canComment ? (
            <button type="button" className="btn btn-secondary btn-sm" disabled={posting || !editor} onClick={() => void post()}>
              {t("editor.refused.post")}
            </button>
          ) : null}
          <button type="button" className="btn btn-secondary btn-sm" onClick={onDismiss}>
            {t("editor.refused.dismiss")}
          </button>
        </div>
        {note ? (
          <p className="small" role="status">
            {say(text, note)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** One comment thread per place, anchored on the stored text nearest to where the work was. */
/** The draft has no Yjs binding yet: nothing can be anchored. */
class StillOpening extends Error {
  override readonly name = "StillOpening";
}

async function postAsComments(editor: Editor, comments: CommentsApi, work: RefusedWork, t: Translator["t"]): Promise<number> {
  const binding = bindingOf(editor.state);
  if (!binding) throw new StillOpening();
  const groups = new Map<string, RefusedPiece[]>();
  for (const piece of work.pieces) {
    const key = JSON.stringify(piece.place);
    groups.set(key, [...(groups.get(key) ?? []), piece]);
  }
  let posted = 0;
  for (const pieces of groups.values()) {
    const range = rangeFor(editor.state.doc, pieces[0]!.place);
    if (!range) continue;
    const quote = editor.state.doc.textBetween(range.from, range.to, " ", " ").replace(/\s+/g, " ").trim().slice(0, QUOTE_MAX_CHARS);
    if (!quote) continue;
    await comments.send({ intent: "create-thread", anchor: anchorFor(binding, range.from, range.to, quote), body: commentBody(work.reason, pieces, t), mentions: [] });
    posted += 1;
  }
  return posted;
}

/** The comment's words, in the language of the person posting it (co-authors read what they wrote). */
function commentBody(reason: RefusalReason, pieces: RefusedPiece[], t: Translator["t"]): string {
  const lines = pieces.map((p) => t(p.kind === "added" ? "editor.refused.comment.added" : "editor.refused.comment.deleted", { text: p.text }));
  const body = [t(COMMENT_INTROS[reason]), ...lines].join("\n");
  return body.length <= COMMENT_MAX_CHARS ? body : `${body.slice(0, COMMENT_MAX_CHARS - 40)}${t("editor.refused.comment.rest")}`;
}

/**
 * The range to anchor on for a place in the document as it is now: the body's block at that
 * index (counted as plain-text.ts counts them: text blocks and recommendations), or the
 * nearest non-empty one before it; a footnote's marker; the first block for the cover.
 */
function rangeFor(doc: PMNode, place: RefusedPiece["place"]): { from: number; to: number } | null {
  const blocks: Array<{ from: number; to: number }> = [];
  const notes: Array<{ from: number; to: number }> = [];
  doc.descendants((node, pos) => {
    if (node.type.name === "recommendation" || node.isTextblock) {
      blocks.push({ from: pos + 1, to: pos + 1 + node.content.size });
      node.descendants((child, offset) => {
        if (child.type.name === "footnote") notes.push({ from: pos + 1 + offset, to: pos + 1 + offset + child.nodeSize });
      });
      return false;
    }
    return true;
  });
  if (place.part === "note") return notes[place.note] ?? null;
  const start = place.part === "body" ? Math.min(place.block, blocks.length - 1) : 0;
  for (let i = start; i >= 0; i--) if (blocks[i]!.to > blocks[i]!.from) return blocks[i]!;
  return blocks.find((b) => b.to > b.from) ?? null;
}
