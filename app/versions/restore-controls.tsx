import { Link, useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useT } from "../i18n/i18n-provider";
import type { VersionsActionResult } from "../routes/workspaces.$workspaceId.drafts.$draftId_.versions";

/**
 * Restore a version whole, or one of its template sections, as a new change on top of the draft.
 * The state before is kept as a version first, so a restore is undone by restoring that.
 */
export function RestoreControls({
  versionsHref,
  draftHref,
  versionId,
  title,
  sections,
}: {
  versionsHref: string;
  draftHref: string;
  versionId: string;
  title: string;
  sections: Array<{ section: string; heading: string }>;
}) {
  const { t } = useT();
  const fetcher = useFetcher<VersionsActionResult>();
  const [section, setSection] = useState("");
  /** Whether the last answer is an undo's (which is not offered again). */
  const [undone, setUndone] = useState(false);
  const busy = fetcher.state !== "idle";
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  // The state just before the restore, kept as a version: restoring it undoes the restore.
  const undo = (beforeVersionId: string) => {
    setUndone(true);
    fetcher.submit({ intent: "restore", versionId: beforeVersionId, section: "" }, { method: "post", action: versionsHref });
  };
  const restore = (chosen: string) => {
    const confirmText = chosen ? t("versions.restore.confirmSection", { title, section: sections.find((s) => s.section === chosen)?.heading ?? chosen }) : t("versions.entry.restoreConfirm", { title });
    if (!window.confirm(confirmText)) return;
    setUndone(false);
    fetcher.submit({ intent: "restore", versionId, section: chosen }, { method: "post", action: versionsHref });
  };
  return (
    <section className="card restore-controls" aria-labelledby="restore-heading">
      <h2 id="restore-heading" className="panel-title">
        {t("versions.restore.title")}
      </h2>
      <p className="muted small">{t("versions.restore.explain")}</p>
      <div className="restore-row">
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => restore("")}>
          {t("versions.restore.whole")}
        </button>
        {sections.length ? (
          <>
            <label htmlFor="restore-section">{t("versions.restore.sectionLabel")}</label>
            <select id="restore-section" value={section} onChange={(e) => setSection(e.target.value)}>
              <option value="">{t("versions.restore.chooseSection")}</option>
              {sections.map((s) => (
                <option key={s.section} value={s.section}>
                  {s.heading || s.section}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn-secondary" disabled={busy || !section} onClick={() => restore(section)}>
              {t("versions.restore.section")}
            </button>
          </>
        ) : null}
      </div>
      <p role="status" className={answer && !answer.ok ? "small error" : undefined}>
        {answer ? (
          answer.ok ? (
            <>
              {undone ? t("versions.restore.undone") : answer.changed ? t("versions.panel.restored") : t("versions.restore.unchanged")} <Link to={draftHref}>{t("versions.restore.openDraft")}</Link>{" "}
              {!undone && answer.changed && answer.beforeVersionId ? (
                <button type="button" className="btn btn-link btn-sm" disabled={busy} onClick={() => undo(answer.beforeVersionId!)}>
                  {t("versions.restore.undo")}
                </button>
              ) : null}
            </>
          ) : (
            answer.error
          )
        ) : null}
      </p>
    </section>
  );
}
