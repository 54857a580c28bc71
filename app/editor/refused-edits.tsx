import type { Node as PMNode } from "@tiptap/pm/model";
import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { refusedText, type RefusedPiece } from "../../core/collab/refused-changes";
import type { RefusalReason } from "../../core/collab/session-messages";
import { anchorFor } from "../../core/comments/anchors";
import { COMMENT_MAX_CHARS, QUOTE_MAX_CHARS } from "../../core/comments/contract";
import { bindingOf } from "./comments/comment-highlights";
import type { CommentsApi } from "./comments/comments-api";
import type { RefusedWork } from "./use-collab-session";
import { count } from "../../core/text/count";

export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  "read-only":
    "You can no longer edit this draft: your role was changed to reviewer or viewer (or editing was never open to you). The changes below were not saved; the draft now shows what is stored.",
  submitting:
    "The draft was being submitted when these changes reached the server: it is frozen so that the file sent matches it exactly. They were not saved; the draft now shows what is stored.",
  submitted: "The draft has been submitted and is read-only. The changes below were not saved; the draft now shows what is stored.",
};

/** Pieces shown in the panel; the rest are in Copy and in the comments. */
const SHOWN = 12;
const SHOWN_CHARS = 400;

const describePlace = (place: RefusedPiece["place"]) =>
  place.part === "body" ? "In the text" : place.part === "note" ? `In footnote ${place.note + 1}` : `On the cover (${place.field})`;

/**
 * The server refused this device's work (issue 16): say why in words, show what was not
 * accepted, let the person copy it or post it as comments where it was, then dismiss. The
 * draft has already been reset to the server's copy; this is the only place the work remains.
 */
export function RefusedEdits({ work, editor, comments, canComment, onDismiss }: { work: RefusedWork; editor: Editor | null; comments: CommentsApi; canComment: boolean; onDismiss: () => void }) {
  const [note, setNote] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(refusedText(work.pieces));
      setNote("Copied. Paste it somewhere safe before you close this message.");
    } catch {
      setNote("This browser did not allow copying: select the text below and copy it by hand.");
    }
  };
  const post = async () => {
    if (!editor) return;
    setPosting(true);
    try {
      const posted = await postAsComments(editor, comments, work);
      setNote(`Posted as ${count(posted, "comment")} where the changes were.`);
    } catch (error) {
      setNote(error instanceof Error ? error.message : "The comments were not posted.");
    } finally {
      setPosting(false);
    }
  };
  return (
    <div className="alert alert-warning refused-edits" role="alert">
      <p className="alert-title">Your changes were not saved</p>
      <div className="alert-body">
        <p>{REFUSAL_MESSAGES[work.reason]}</p>
        <ul className="refused-pieces">
          {work.pieces.slice(0, SHOWN).map((piece, i) => (
            <li key={i}>
              <span className="muted">{describePlace(piece.place)}, {piece.kind === "added" ? "added" : "deleted"}: </span>
              <q>{piece.text.length > SHOWN_CHARS ? `${piece.text.slice(0, SHOWN_CHARS)}…` : piece.text}</q>
            </li>
          ))}
        </ul>
        {work.pieces.length > SHOWN ? <p className="small muted">And {work.pieces.length - SHOWN} more: Copy takes them all.</p> : null}
        <div className="form-actions">
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void copy()}>
            Copy the changes
          </button>
          {canComment ? (
            <button type="button" className="btn btn-secondary btn-sm" disabled={posting || !editor} onClick={() => void post()}>
              Post them as comments
            </button>
          ) : null}
          <button type="button" className="btn btn-secondary btn-sm" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
        {note ? (
          <p className="small" role="status">
            {note}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** One comment thread per place, anchored on the stored text nearest to where the work was. */
async function postAsComments(editor: Editor, comments: CommentsApi, work: RefusedWork): Promise<number> {
  const binding = bindingOf(editor.state);
  if (!binding) throw new Error("The draft is still opening; try again in a moment.");
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
    await comments.send({ intent: "create-thread", anchor: anchorFor(binding, range.from, range.to, quote), body: commentBody(work.reason, pieces), mentions: [] });
    posted += 1;
  }
  return posted;
}

function commentBody(reason: RefusalReason, pieces: RefusedPiece[]): string {
  const why = reason === "read-only" ? "my role no longer allows editing" : reason === "submitting" ? "the draft was being submitted" : "the draft was submitted";
  const lines = pieces.map((p) => `${p.kind === "added" ? "Added" : "Deleted"}: «${p.text}»`);
  const body = `Not saved because ${why}:\n${lines.join("\n")}`;
  return body.length <= COMMENT_MAX_CHARS ? body : `${body.slice(0, COMMENT_MAX_CHARS - 40)}… (the rest is in Copy)`;
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
