import { useFetcher } from "@remix-run/react";
import { FormattedMessage } from "react-intl";
import type { Translator } from "../../core/i18n/translator";
import { useT } from "../i18n/i18n-provider";
import { EXPORT_FORMAT_LABELS } from "../schemas/export";

/** A file stored when the draft was marked as submitted, as the page shows it (no bytes). */
export interface StoredExportView {
  id: string;
  format: "docx" | "pdf";
  fileName: string;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
  byteSize: number;
  /** The name kept with the file: still there after the account is gone. */
  createdBy: string;
  createdAt: string;
  /** Submitted by an owner without every co-submitting organisation's sign-off (issue 21): who, and how many were missing. */
  signOffOverride?: { byName: string; missing: number } | null;
}

/** "48 KB", "1.2 MB": enough to recognise a file, not an exact count (that is in the title). */
export function formatBytes(bytes: number, t: Translator["t"]): string {
  if (bytes < 1000) return t("export.files.bytes", { count: bytes });
  if (bytes < 1_000_000) return t("export.files.kb", { size: Math.round(bytes / 1000) });
  return t("export.files.mb", { size: Math.round(bytes / 100_000) / 10 });
}

/**
 * UTC, so the server's render and the browser's agree (no hydration mismatch across time zones),
 * in the reader's language: "7 déc. 2026, 14:05 UTC".
 */
function useUtc(): (iso: string) => string {
  const { t, date } = useT();
  return (iso) => t("export.files.when", { when: date(iso, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) });
}

/** The first 12 hex digits of a hash: enough to compare by eye; the whole value is in its title. */
const shortHash = (sha256: string) => `${sha256.slice(0, 12)}…`;

/** Between two sentences of one paragraph (every language here separates sentences with a space). */
const SPACE = " ";

/** A draft reopened after submission, as the page states it (server/export/reopen.ts). */
export interface ReopenedNotice {
  reopenedAt: string;
  reopenedBy: string | null;
  submitted: { fileName: string; sha256: string; at: string };
  changedSince: boolean | null;
}

/**
 * The files stored on submission: format, size, SHA-256 (short, the full value in its title and
 * for screen readers), who stored it and when, and a download of the exact bytes. For an owner
 * of a submitted draft, "Reopen for a correction"; on a reopened draft, the notice that says the
 * submitted file is kept as it was and whether the draft has changed since.
 */
export function SubmittedFiles({
  workspaceId,
  draftId,
  files,
  canDownload,
  canReopen,
  reopened,
}: {
  workspaceId: string;
  draftId: string;
  files: StoredExportView[];
  canDownload: boolean;
  canReopen: boolean;
  reopened: ReopenedNotice | null;
}) {
  const { t } = useT();
  const utc = useUtc();
  if (files.length === 0) return null;
  return (
    <section className="submitted-files" aria-labelledby="submitted-files-title">
      <h2 id="submitted-files-title">{t("export.files.title")}</h2>
      {reopened ? <ReopenedAlert notice={reopened} /> : null}
      <ul>
        {files.map((file) => (
          <li key={file.id} className="submitted-file">
            <span className="submitted-file-format">{t(EXPORT_FORMAT_LABELS[file.format])}</span>
            <span title={t("export.files.bytes", { count: file.byteSize })}>{formatBytes(file.byteSize, t)}</span>
            <span>
              <FormattedMessage
                id="export.files.sha"
                values={{
                  sha: (
                    <code className="mono" title={file.sha256} aria-label={t("export.files.sha", { sha: file.sha256 })}>
                      {shortHash(file.sha256)}
                    </code>
                  ),
                }}
              />
            </span>
            <span>
              <FormattedMessage id="export.files.storedBy" values={{ name: file.createdBy, when: <time dateTime={file.createdAt}>{utc(file.createdAt)}</time> }} />
            </span>
            {file.signOffOverride ? <span className="submitted-file-override">{t("signOff.files.override", { name: file.signOffOverride.byName, count: file.signOffOverride.missing })}</span> : null}
            {canDownload ? (
              // A plain link: the browser downloads the resource route's attachment itself.
              <a href={`/workspaces/${workspaceId}/drafts/${draftId}/exports/${file.id}`} download={file.fileName}>
                {t("export.files.download", { file: file.fileName })}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      {canReopen ? <ReopenButton workspaceId={workspaceId} draftId={draftId} /> : null}
    </section>
  );
}

function ReopenedAlert({ notice }: { notice: ReopenedNotice }) {
  const { t } = useT();
  const utc = useUtc();
  const reopenedAt = <time dateTime={notice.reopenedAt}>{utc(notice.reopenedAt)}</time>;
  return (
    <div className="alert alert-warning" role="status">
      <p className="alert-title">{t("export.reopened.title")}</p>
      <p className="alert-body">
        {notice.reopenedBy ? (
          <FormattedMessage id="export.reopened.atBy" values={{ at: reopenedAt, name: notice.reopenedBy }} />
        ) : (
          <FormattedMessage id="export.reopened.at" values={{ at: reopenedAt }} />
        )}
        {SPACE}
        <FormattedMessage
          id="export.reopened.kept"
          values={{
            at: <time dateTime={notice.submitted.at}>{utc(notice.submitted.at)}</time>,
            file: notice.submitted.fileName,
            sha: <code className="mono">{shortHash(notice.submitted.sha256)}</code>,
          }}
        />
        {notice.changedSince === null ? null : SPACE + t(notice.changedSince ? "export.reopened.changed" : "export.reopened.unchanged")}
      </p>
    </div>
  );
}

/** Owners only: the draft becomes editable again; the stored files stay as they are. */
function ReopenButton({ workspaceId, draftId }: { workspaceId: string; draftId: string }) {
  const { t } = useT();
  const fetcher = useFetcher<{ ok: boolean; error?: string }>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form
      method="post"
      action={`/workspaces/${workspaceId}/drafts/${draftId}/reopen`}
      className="form-actions"
      onSubmit={(event) => {
        if (!window.confirm(t("export.reopen.confirm"))) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="reopen" />
      <button type="submit" className="btn btn-secondary btn-sm" disabled={busy}>
        {busy ? t("export.reopen.busy") : t("export.reopen.button")}
      </button>
      {fetcher.data && !fetcher.data.ok ? (
        <span className="field-error" role="alert">
          {fetcher.data.error}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
