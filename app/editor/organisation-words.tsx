import { useParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useT } from "../i18n/i18n-provider";
import type { MessageId } from "../../core/i18n/message";
import type { ContributorKind } from "../../server/checks/words-by-organisation";
import type { WordsByOrganisation } from "../routes/workspaces.$workspaceId.drafts.$draftId_.contributions";

/** Often enough to follow a writing session, rarely enough that an open panel costs nothing. */
const REFRESH_MS = 30_000;

/** Between the organisation and its figures. */
const SPACE = " ";


/**
 * "Words by organisation" for a joint submission: who wrote how many of the counted words,
 * asked of the server (it knows which member each Yjs client was) when opened and every 30 s
 * while open. It counts the stored text, so it can trail typing by about half a second.
 */
/** The groups of words no organisation wrote, named in the reader's language. */
const GROUP_NAMES: Record<Exclude<ContributorKind, "organisation">, MessageId> = {
  "no-organisation": "editor.contributions.noOrganisation",
  "former-member": "editor.contributions.formerMembers",
  unknown: "editor.contributions.templateAndUnknown",
};

export function OrganisationWords() {
  const { t, date } = useT();
  const { workspaceId, draftId } = useParams();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<WordsByOrganisation | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!open || !workspaceId || !draftId) return;
    const controller = new AbortController();
    const load = async () => {
      try {
        const response = await fetch(`/workspaces/${workspaceId}/drafts/${draftId}/contributions`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(`status ${response.status}`);
        setResult((await response.json()) as WordsByOrganisation);
        setFailed(false);
      } catch {
        // Closed or left: nothing to say. Otherwise the last figures stay, marked as stale.
        if (!controller.signal.aborted) setFailed(true);
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [open, workspaceId, draftId]);

  return (
    <details className="small" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t("editor.contributions.summary")}</summary>
      {result ? (
        <>
          <ul className="checks-sections">
            {result.rows.map((row) => (
              <li key={row.key}>
                <span>
                  {row.kind === "organisation" ? row.label : t(GROUP_NAMES[row.kind])}
                  {row.confidential ? <span className="muted">{t("editor.contributions.confidential")}</span> : null}
                </span>
                {SPACE}
                <span className="muted">{t("editor.contributions.row", { words: row.words, share: row.share })}</span>
              </li>
            ))}
          </ul>
          <p className="muted">
            {t("editor.contributions.asOf", { time: date(result.readAt, { hour: "2-digit", minute: "2-digit" }), counted: result.counted })}
            {failed ? t("editor.contributions.refreshFailed") : ""}
          </p>
        </>
      ) : (
        <p className="muted">{failed ? t("editor.contributions.loadFailed") : t("editor.contributions.counting")}</p>
      )}
    </details>
  );
}
