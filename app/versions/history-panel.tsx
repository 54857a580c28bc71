import { Link } from "@remix-run/react";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { message } from "../../core/i18n/message";
import type { VersionSummary } from "../../core/versions/contract";
import { useT } from "../i18n/i18n-provider";
import { say, type Said } from "../review/say";
import type { HistoryApi } from "./history-api";
import { VersionEntry } from "./version-entry";

export interface HistoryLinks {
  /** The versions route (GET, POST). */
  api: HistoryApi;
  /** `${draft page}/versions/<id>`, `${draft page}/compare?from=…&to=…` are built from this. */
  draftHref: string;
  /** Whether this person may name versions and restore (editors and owners). */
  canEdit: boolean;
}

/**
 * The History tab: the draft's versions, newest first (sessions of work, named versions and the
 * moments Caucus keeps: status changes, imports, restores, submission), each with who, when and
 * how many words changed; name the current state; open, compare or restore a version. Reviewers
 * read it; only editors and owners name and restore (the route checks again).
 */
export function HistoryPanel({ api, draftHref, canEdit }: HistoryLinks) {
  const { t, text } = useT();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [said, setSaid] = useState<{ text: Said; tone: "ok" | "error" } | null>(null);
  /** After a restore: the version kept just before it, whose restore undoes it. */
  const [undoTo, setUndoTo] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.list().then(
      (list) => {
        setVersions(list);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [api]);
  useEffect(load, [load]);

  const act = async (fields: Record<string, string>, done: Said, offerUndo = false) => {
    setBusy(true);
    const answer = await api.post(fields);
    setBusy(false);
    setSaid(answer.ok ? { text: done, tone: "ok" } : { text: answer.error, tone: "error" });
    setUndoTo(offerUndo && answer.ok && answer.changed && answer.beforeVersionId ? answer.beforeVersionId : null);
    if (answer.ok) load();
    return answer.ok;
  };
  const nameCurrent = async (event: FormEvent) => {
    event.preventDefault();
    if (await act({ intent: "name", name }, message("versions.panel.named", { name: name.trim() }))) setName("");
  };
  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids.slice(-1), id]));
  const compareHref = chosenCompareHref(draftHref, versions ?? [], chosen);

  return (
    <section className="history-panel" aria-labelledby="history-heading">
      <h2 id="history-heading" className="panel-title">
        {t("versions.panel.title")}
      </h2>
      {canEdit ? (
        <form className="history-name" onSubmit={(e) => void nameCurrent(e)}>
          <label htmlFor="history-name-input">{t("versions.panel.nameLabel")}</label>
          <div className="history-name-row">
            <input id="history-name-input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} placeholder={t("versions.panel.namePlaceholder")} />
            <button type="submit" className="btn btn-secondary btn-sm" disabled={busy || !name.trim()}>
              {t("versions.panel.nameAction")}
            </button>
          </div>
        </form>
      ) : null}
      <p role="status" className={said?.tone === "error" ? "history-said small error" : "history-said"}>
        {said ? say(text, said.text) : ""}
        {undoTo ? (
          <>
            {" "}
            <button type="button" className="btn btn-link btn-sm" disabled={busy} onClick={() => void act({ intent: "restore", versionId: undoTo }, message("versions.restore.undone"))}>
              {t("versions.restore.undo")}
            </button>
          </>
        ) : null}
      </p>
      {compareHref ? (
        <p>
          <Link className="btn btn-secondary btn-sm" to={compareHref}>
            {t("versions.panel.compareChosen")}
          </Link>
        </p>
      ) : versions && versions.length > 1 ? (
        <p className="muted small">{t("versions.panel.chooseTwo")}</p>
      ) : null}
      {failed ? <p className="small error">{t("versions.panel.loadFailed")}</p> : null}
      {versions === null && !failed ? <p className="muted">{t("versions.panel.loading")}</p> : null}
      {versions && versions.length === 0 ? <p className="muted">{t("versions.panel.empty")}</p> : null}
      <ol className="history-list">
        {(versions ?? []).map((version) => (
          <VersionEntry
            key={version.id}
            version={version}
            draftHref={draftHref}
            canEdit={canEdit}
            busy={busy}
            chosen={chosen.includes(version.id)}
            onChoose={() => toggle(version.id)}
            onRestore={() => void act({ intent: "restore", versionId: version.id }, message("versions.panel.restored"), true)}
            onRename={(newName) => act({ intent: "rename", versionId: version.id, name: newName }, message("versions.panel.named", { name: newName.trim() }))}
          />
        ))}
      </ol>
    </section>
  );
}

/** Two chosen versions compare older → newer, whatever order they were ticked in. */
function chosenCompareHref(draftHref: string, versions: readonly VersionSummary[], chosen: readonly string[]): string | null {
  if (chosen.length !== 2) return null;
  const [a, b] = chosen.map((id) => versions.find((v) => v.id === id)).filter((v): v is VersionSummary => v !== undefined);
  if (!a || !b) return null;
  const [from, to] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
  return `${draftHref}/compare?from=${from.id}&to=${to.id}`;
}
