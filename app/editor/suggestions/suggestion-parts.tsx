import type { Editor } from "@tiptap/react";
import type { ThreadView } from "../../../core/comments/contract";
import { describeSuggestion } from "../../../core/suggestions/describe";
import { commentDateOptions } from "../comments/comment-date";
import { useT } from "../../i18n/i18n-provider";

export interface SuggestionDecisions {
  canDecide: boolean;
  me: string;
  accept: (threads: ThreadView[]) => void;
  reject: (threads: ThreadView[]) => void;
  withdraw: (thread: ThreadView) => void;
  refresh: (thread: ThreadView) => void;
}

/** What a suggestion card shows in place of a comment's quote: the change in words, and who proposed it. */
export function useSuggestionCard(editor: Editor, decisions: SuggestionDecisions) {
  const { t, text, date } = useT();
  return (thread: ThreadView, stale: boolean, placed: boolean) => {
    const s = thread.suggestion!;
    const change = text(describeSuggestion(editor.schema, s));
    const open = s.state === "open";
    const mine = s.authorId !== null && s.authorId === decisions.me;
    const by = s.organisationName ? t("editor.suggesting.byWithOrganisation", { name: s.authorName, organisation: s.organisationName }) : s.authorName;
    return {
      label: t("editor.suggesting.cardLabel", { change, author: by }),
      summary: <span className="suggestion-change">{change}</span>,
      actions: (
        <div className="suggestion-details">
          <p className="small">
            <strong>{by}</strong> <span className="muted">
              <time dateTime={s.createdAt}>{date(s.createdAt, commentDateOptions(s.createdAt))}</time>
              {s.imported ? t("editor.suggesting.fromWord") : ""}
            </span>
          </p>
          {!open ? (
            <p className="small muted">
              {t(`editor.suggesting.state.${s.state === "accepted" ? "accepted" : s.state === "rejected" ? "rejected" : "withdrawn"}`, { name: s.decidedByName ?? "" })}
            </p>
          ) : !placed ? (
            <p className="small suggestion-stale">{t("editor.suggesting.gone")}</p>
          ) : stale ? (
            <p className="small suggestion-stale">{t("editor.suggesting.stale")}</p>
          ) : null}
          {open ? (
            <div className="comment-actions">
              {decisions.canDecide ? (
                <>
                  <button type="button" className="btn btn-primary btn-sm" disabled={stale || !placed} title={stale ? t("editor.suggesting.stale") : undefined} onClick={() => decisions.accept([thread])}>
                    {t("editor.suggesting.accept")}
                  </button>
                  <button type="button" className="btn btn-secondary btn-sm" onClick={() => decisions.reject([thread])}>
                    {t("editor.suggesting.reject")}
                  </button>
                </>
              ) : null}
              {stale && placed && (mine || decisions.canDecide) ? (
                <button type="button" className="btn btn-secondary btn-sm" onClick={() => decisions.refresh(thread)}>
                  {t("editor.suggesting.refresh")}
                </button>
              ) : null}
              {mine ? (
                <button type="button" className="btn btn-link btn-sm" onClick={() => decisions.withdraw(thread)}>
                  {t("editor.suggesting.withdraw")}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      ),
    };
  };
}

/** Accept or reject every open suggestion, or all of one person's or one organisation's. */
export function BulkDecisions({ threads, decisions }: { threads: readonly ThreadView[]; decisions: SuggestionDecisions }) {
  const { t, number } = useT();
  const open = threads.filter((th) => th.suggestion?.state === "open");
  if (!decisions.canDecide || open.length === 0) return null;
  const groups = new Map<string, { label: string; threads: ThreadView[] }>();
  const add = (key: string, label: string, thread: ThreadView) => {
    const group = groups.get(key) ?? { label, threads: [] };
    group.threads.push(thread);
    groups.set(key, group);
  };
  for (const thread of open) {
    const s = thread.suggestion!;
    add(`person:${s.authorId ?? s.authorName}`, s.authorName, thread);
    if (s.organisationId && s.organisationName) add(`org:${s.organisationId}`, s.organisationName, thread);
  }
  return (
    <section className="suggestion-bulk" aria-label={t("editor.suggesting.bulkLabel")}>
      <span className="small">{t("editor.suggesting.openCount", { count: open.length })}</span>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => decisions.accept(open)}>
        {t("editor.suggesting.acceptAll")}
      </button>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => decisions.reject(open)}>
        {t("editor.suggesting.rejectAll")}
      </button>
      {groups.size > 1
        ? [...groups.entries()].map(([key, group]) => (
            <span key={key} className="suggestion-bulk-group">
              <button type="button" className="btn btn-link btn-sm" onClick={() => decisions.accept(group.threads)}>
                {t("editor.suggesting.acceptAllFrom", { name: group.label, count: number(group.threads.length) })}
              </button>
              <button type="button" className="btn btn-link btn-sm" onClick={() => decisions.reject(group.threads)}>
                {t("editor.suggesting.rejectAllFrom", { name: group.label })}
              </button>
            </span>
          ))
        : null}
    </section>
  );
}
