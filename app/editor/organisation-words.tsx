import { useParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { WordsByOrganisation } from "../routes/workspaces.$workspaceId.drafts.$draftId_.contributions";

/** Often enough to follow a writing session, rarely enough that an open panel costs nothing. */
const REFRESH_MS = 30_000;

const format = (n: number) => n.toLocaleString("en");
const percent = (share: number) => `${Math.round(share * 100)}%`;
const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/**
 * "Words by organisation" for a joint submission: who wrote how many of the counted words,
 * asked of the server (it knows which member each Yjs client was) when opened and every 30 s
 * while open. It counts the stored text, so it can trail typing by about half a second.
 */
export function OrganisationWords() {
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
      <summary>Words by organisation</summary>
      {result ? (
        <>
          <ul className="checks-sections">
            {result.rows.map((row) => (
              <li key={row.key}>
                <span>
                  {row.label}
                  {row.confidential ? <span className="muted"> · confidential</span> : null}
                </span>{" "}
                <span className="muted">
                  {format(row.words)} · {percent(row.share)}
                </span>
              </li>
            ))}
          </ul>
          <p className="muted">
            As of {clock(result.readAt)}, saved text: {format(result.counted)} counted words.
            {failed ? " Could not refresh." : ""}
          </p>
        </>
      ) : (
        <p className="muted">{failed ? "Could not load the breakdown." : "Counting…"}</p>
      )}
    </details>
  );
}
