import type { ReactNode } from "react";
import type { CommentMember } from "./comments-api";

const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"]+[^\s<>".,;:!?)\]]/g;

/** Splits text at its links: each link (http, https or mailto only) becomes an anchor. */
function withLinks(text: string, key: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <a key={`${key}-${match.index}`} href={match[0]} target="_blank" rel="noopener noreferrer nofollow">
        {match[0]}
      </a>,
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A comment's body as the reader sees it: plain text (React escapes it; nothing is read as
 * markup), line breaks kept by CSS, links clickable, and "@Name" marked for the members the
 * comment mentions.
 */
export function CommentBody({ body, mentioned }: { body: string; mentioned: readonly CommentMember[] }) {
  const names = mentioned.map((m) => escapeRegExp(`@${m.name}`)).sort((a, b) => b.length - a.length);
  if (names.length === 0) return <p className="comment-body">{withLinks(body, "t")}</p>;
  const pieces = body.split(new RegExp(`(${names.join("|")})`, "g"));
  return (
    <p className="comment-body">
      {pieces.map((piece, i) =>
        i % 2 === 1 ? (
          <span key={i} className="mention">
            {piece}
          </span>
        ) : (
          withLinks(piece, String(i))
        ),
      )}
    </p>
  );
}
