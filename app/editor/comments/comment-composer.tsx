import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { COMMENT_MAX_CHARS } from "../../../core/comments/contract";
import type { CommentMember } from "./comments-api";
import { insertMention, mentionQuery } from "./mention-text";
import { useT } from "../../i18n/i18n-provider";

/**
 * A comment box: Ctrl+Enter sends; typing "@" offers the workspace's members, and choosing one
 * writes "@Name" and records the mention (the server keeps it only if the name is still there).
 */
export function CommentComposer({
  members,
  label,
  submitLabel,
  initial = "",
  onSubmit,
  onCancel,
  autoFocus,
}: {
  members: readonly CommentMember[];
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit: (body: string, mentions: string[]) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useT();
  const [text, setText] = useState(initial);
  const [mentions, setMentions] = useState<string[]>([]);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [sending, setSending] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const suggestions = query ? members.filter((m) => m.name.toLowerCase().includes(query.query.trim())).slice(0, 6) : [];

  // Where the caret goes once the chosen mention is rendered, and where a space we added ends:
  // a space typed right there is the one people type after a name by habit, so it is dropped.
  const caretAfterMention = useRef<number | null>(null);
  const addedSpaceEnd = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterMention.current === null || !area.current) return;
    area.current.setSelectionRange(caretAfterMention.current, caretAfterMention.current);
    caretAfterMention.current = null;
  }, [text]);

  const choose = (member: CommentMember) => {
    if (!query || !area.current) return;
    const inserted = insertMention(text, query.start, area.current.selectionStart, member.name);
    caretAfterMention.current = inserted.caret;
    addedSpaceEnd.current = inserted.addedSpace ? inserted.caret : null;
    setText(inserted.text);
    setMentions((previous) => [...new Set([...previous, member.id])]);
    setQuery(null);
    area.current.focus();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim() || sending) return;
    setSending(true);
    // Only the members whose "@Name" is still in the text are mentioned.
    const kept = mentions.filter((memberId) => text.includes(`@${members.find((m) => m.id === memberId)?.name ?? "\u0000"}`));
    const sent = await onSubmit(text, kept);
    setSending(false);
    if (sent) {
      setText("");
      setMentions([]);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const afterAddedSpace = addedSpaceEnd.current !== null && event.currentTarget.selectionStart === addedSpaceEnd.current && event.currentTarget.selectionEnd === addedSpaceEnd.current;
    addedSpaceEnd.current = null;
    if (event.key === " " && afterAddedSpace) event.preventDefault();
    else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit();
    else if (event.key === "Escape") {
      if (query) setQuery(null);
      else onCancel?.();
    } else if (event.key === "Enter" && suggestions.length > 0) {
      event.preventDefault();
      choose(suggestions[0]!);
    }
  };

  return (
    <form className="comment-composer" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        ref={area}
        value={text}
        rows={3}
        maxLength={COMMENT_MAX_CHARS}
        placeholder={t("comments.composer.placeholder", { label })}
        autoFocus={autoFocus}
        onChange={(event) => {
          setText(event.target.value);
          setQuery(mentionQuery(event.target.value, event.target.selectionStart));
        }}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 ? (
        <ul className="mention-suggestions" role="listbox" aria-label={t("comments.composer.mention")}>
          {suggestions.map((member) => (
            <li key={member.id} role="option" aria-selected={false}>
              <button type="button" className="btn btn-secondary btn-sm" onMouseDown={(event) => event.preventDefault()} onClick={() => choose(member)}>
                {member.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="comment-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={sending || !text.trim()}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={onCancel}>
            {t("comments.composer.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
