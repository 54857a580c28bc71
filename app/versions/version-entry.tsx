import { Link } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import type { VersionSummary } from "../../core/versions/contract";
import { useT } from "../i18n/i18n-provider";
import { versionTime, versionTitle } from "./version-label";

/** One version in the History tab: what, when, who, words; open, compare, restore, name. */
export function VersionEntry({
  version,
  draftHref,
  canEdit,
  busy,
  chosen,
  onChoose,
  onRestore,
  onRename,
}: {
  version: VersionSummary;
  draftHref: string;
  canEdit: boolean;
  busy: boolean;
  chosen: boolean;
  onChoose: () => void;
  onRestore: () => void;
  onRename: (name: string) => Promise<boolean>;
}) {
  const { t, date, list } = useT();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const title = versionTitle(t, version);
  const people = version.people.map((p) => (p.organisation ? t("versions.entry.personWithOrganisation", { name: p.name, organisation: p.organisation }) : p.name));
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (await onRename(name)) setNaming(false);
  };
  const restore = () => {
    if (window.confirm(t("versions.entry.restoreConfirm", { title }))) onRestore();
  };
  return (
    <li className={`history-entry history-${version.kind}`} data-version-id={version.id}>
      <div className="history-entry-head">
        <input type="checkbox" checked={chosen} onChange={onChoose} aria-label={t("versions.entry.choose", { title })} />
        <strong className="history-entry-title">{title}</strong>
        {version.kind === "submitted" ? <span className="badge">{t("versions.kind.submitted")}</span> : null}
      </div>
      <p className="history-entry-meta dot-separated">
        <time dateTime={version.createdAt}>{versionTime(date, version.createdAt)}</time>
        {people.length || version.createdBy ? <span>{people.length ? list(people) : version.createdBy}</span> : null}
      </p>
      <p className="history-entry-words dot-separated">
        <span>{t("versions.entry.words", { count: version.words })}</span>
        {version.added || version.removed ? <span>{t("versions.entry.change", { added: version.added, removed: version.removed })}</span> : null}
      </p>
      {version.byOrganisation.some((o) => o.organisation) ? (
        <ul className="history-entry-orgs">
          {version.byOrganisation.map((o) => (
            <li key={o.organisation ?? ""}>{o.organisation ? t("versions.entry.organisationChange", { organisation: o.organisation, added: o.added, removed: o.removed }) : t("versions.entry.othersChange", { added: o.added, removed: o.removed })}</li>
          ))}
        </ul>
      ) : null}
      {version.export ? (
        <p className="history-entry-file small">
          {t("versions.entry.file", { file: version.export.fileName })} <code title={version.export.sha256}>{t("versions.entry.sha256", { hash: version.export.sha256.slice(0, 12) })}</code>
        </p>
      ) : null}
      <div className="history-entry-actions">
        <Link to={`${draftHref}/versions/${version.id}`}>{t("versions.entry.open")}</Link>
        <Link to={`${draftHref}/compare?from=${version.id}&to=now`}>{t("versions.entry.compareNow")}</Link>
        {canEdit ? (
          <button type="button" className="btn btn-link btn-sm" disabled={busy} onClick={restore}>
            {t("versions.entry.restore")}
          </button>
        ) : null}
        {canEdit && !version.name ? (
          <button type="button" className="btn btn-link btn-sm" onClick={() => setNaming((v) => !v)} aria-expanded={naming}>
            {t("versions.entry.name")}
          </button>
        ) : null}
      </div>
      {naming ? (
        <form className="history-name-row" onSubmit={(e) => void rename(e)}>
          <input aria-label={t("versions.panel.nameLabel")} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit" className="btn btn-secondary btn-sm" disabled={busy || !name.trim()}>
            {t("versions.panel.nameAction")}
          </button>
        </form>
      ) : null}
    </li>
  );
}
