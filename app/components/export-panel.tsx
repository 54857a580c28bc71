import { useRevalidator } from "@remix-run/react";
import { useId, useMemo, useRef, useState } from "react";
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormatChoice } from "../schemas/export";
import { ExportApi, type Outcome, type PlacedMessage, type PreflightSummary } from "./export-api";
import { DisclosureNotice } from "./export-disclosures";
import { Alert, Button } from "./ui";
import { PlacedList } from "./export-disclosures";
import { message } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";
import { say, type Said } from "../review/say";
import { ExportShares } from "../budgets/export-shares";
import { ExportSignOff } from "../sign-off/export-sign-off";

export interface ExportPanelProps {
  workspaceId: string;
  draftId: string;
  /** Owners and editors, while the draft is not yet submitted; the route checks again. */
  canSubmit: boolean;
  /** Owners: may export a draft that names a confidential organisation or keeps placeholders. The routes check again. */
  canOverride: boolean;
}

type Busy = null | "download" | "submit";

/**
 * The header's "Export" button and its dialog: the pre-flight summary of the stored draft
 * ("3 errors, 5 warnings — export anyway?"), Word or PDF, a table of contents, for Word a
 * review copy (open suggestions as tracked changes, open threads as comments; issue 20), the download,
 * and for owners and editors "Mark as submitted…" behind a confirmation. A file that would name a
 * confidential organisation or keep template placeholders is not made unless an owner ticks
 * "Export anyway" (DisclosureNotice; the server decides again). A native modal
 * <dialog>: it traps focus, closes on Escape and gives focus back to the button.
 */
export function ExportPanel({ workspaceId, draftId, canSubmit, canOverride }: ExportPanelProps) {
  const { t, text } = useT();
  const api = useMemo(() => new ExportApi(`/workspaces/${workspaceId}/drafts/${draftId}`), [workspaceId, draftId]);
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const checks = useRef(0);
  const revalidator = useRevalidator();
  const ids = useId();
  const [preflight, setPreflight] = useState<Outcome<PreflightSummary> | "loading">("loading");
  const [format, setFormat] = useState<ExportFormatChoice>("docx");
  const [toc, setToc] = useState(false);
  const [pdfA, setPdfA] = useState(false);
  const [review, setReview] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ tone: "error" | "success"; said: Said } | null>(null);
  // From the summary, then from a refusal's list: the server's reading wins when it is newer.
  const [disclosures, setDisclosures] = useState<PlacedMessage[]>([]);
  const [override, setOverride] = useState(false);
  const [opened, setOpened] = useState(0);
  // Sign-off (issue 21): read again on each opening and after a refusal; an owner's "Submit anyway".
  const [signOffKey, setSignOffKey] = useState(0);
  const [signOffOverride, setSignOffOverride] = useState(false);
  const formatName = t(EXPORT_FORMAT_LABELS[format]);

  function open() {
    setResult(null);
    setConfirming(false);
    setPreflight("loading");
    setDisclosures([]);
    setOverride(false);
    setOpened((n) => n + 1);
    setSignOffOverride(false);
    setSignOffKey((k) => k + 1);
    dialog.current?.showModal();
    // Checked each time: the draft may have changed since the panel last opened. A slow answer
    // to an earlier opening must not replace this one's.
    const asked = ++checks.current;
    void api.preflight().then((outcome) => {
      if (asked !== checks.current) return;
      setPreflight(outcome);
      if (outcome.ok) setDisclosures(outcome.value.disclosures);
    });
  }

  function refused(outcome: { error: Said; disclosures?: PlacedMessage[] }) {
    setResult({ tone: "error", said: outcome.error });
    if (outcome.disclosures) setDisclosures(outcome.disclosures);
    setSignOffKey((k) => k + 1);
  }

  async function download() {
    setBusy("download");
    setResult(null);
    const outcome = await api.download(format, toc, pdfA, override, review);
    setBusy(null);
    if (outcome.ok) setResult({ tone: "success", said: message("export.downloaded", { file: outcome.value }) });
    else refused(outcome);
  }

  async function submit() {
    setBusy("submit");
    setResult(null);
    const outcome = await api.submit(format, toc, override, signOffOverride);
    setBusy(null);
    setConfirming(false);
    if (!outcome.ok) return refused(outcome);
    setResult({ tone: "success", said: message("export.submitted", { format: formatName }) });
    // The page's list of stored files, its status and read-only state come from the loader.
    revalidator.revalidate();
  }

  function startConfirming() {
    setConfirming(true);
    setResult(null);
    // After React renders the step: focus its heading so a screen reader reads the warning first.
    requestAnimationFrame(() => confirmHeading.current?.focus());
  }

  return (
    <>
      {/* A plain button: the shared Button does not forward refs, and focus returns here on close. */}
      <button ref={trigger} type="button" className="btn btn-secondary btn-sm export-trigger" onClick={open} aria-haspopup="dialog">
        {t("export.trigger")}
      </button>
      <dialog ref={dialog} className="export-dialog" aria-labelledby={`${ids}-title`} onClose={() => trigger.current?.focus()}>
        <div className="export-dialog-head">
          <h2 id={`${ids}-title`}>{t("export.title")}</h2>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => dialog.current?.close()}>
            {t("export.close")}
          </button>
        </div>
        <PreflightNotice preflight={preflight} />
        <ExportShares workspaceId={workspaceId} draftId={draftId} opened={opened} />
        <DisclosureNotice disclosures={disclosures} canOverride={canOverride} override={override} onOverride={setOverride} disabled={busy !== null} />
        <ExportSignOff workspaceId={workspaceId} draftId={draftId} refreshKey={signOffKey} canOverride={canOverride} override={signOffOverride} onOverride={setSignOffOverride} disabled={busy !== null} />
        <fieldset className="export-formats" disabled={busy !== null}>
          <legend className="field-label">{t("export.format.legend")}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="export-format">
              <input type="radio" name={`${ids}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} /> {t(EXPORT_FORMAT_LABELS[f])}
            </label>
          ))}
          <label className="export-format">
            <input type="checkbox" checked={toc} onChange={(e) => setToc(e.target.checked)} /> {t("export.toc")}
          </label>
          {format === "pdf" ? (
            <label className="export-format">
              <input type="checkbox" checked={pdfA} onChange={(e) => setPdfA(e.target.checked)} /> {t("export.pdfA")}
            </label>
          ) : (
            <label className="export-format">
              <input type="checkbox" checked={review} onChange={(e) => setReview(e.target.checked)} aria-describedby={`${ids}-review`} /> {t("export.review.option")}
            </label>
          )}
          {format === "docx" ? (
            <p id={`${ids}-review`} className="small muted">
              {t("export.review.note")}
            </p>
          ) : null}
        </fieldset>
        <div className="form-actions">
          <Button type="button" onClick={() => void download()} busy={busy === "download"} disabled={busy !== null}>
            {t("export.download", { format: formatName })}
          </Button>
          {canSubmit && !confirming ? (
            <Button type="button" variant="secondary" onClick={startConfirming} disabled={busy !== null}>
              {t("export.markSubmitted")}
            </Button>
          ) : null}
        </div>
        <p className="small muted" role="status" aria-live="polite">
          {busy === "download" ? t("export.preparing", { format }) : busy === "submit" ? t("export.preparingStore", { format }) : ""}
        </p>
        {canSubmit && confirming ? (
          <section className="export-confirm" aria-labelledby={`${ids}-confirm`}>
            <h3 id={`${ids}-confirm`} ref={confirmHeading} tabIndex={-1}>
              {t("export.confirm.title")}
            </h3>
            <p>{t("export.confirm.body", { format })}</p>
            <div className="form-actions">
              <Button type="button" variant="danger" onClick={() => void submit()} busy={busy === "submit"} disabled={busy !== null}>
                {t("export.confirm.submit", { format: formatName })}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setConfirming(false)} disabled={busy !== null}>
                {t("export.confirm.cancel")}
              </Button>
            </div>
          </section>
        ) : null}
        {result ? <Alert tone={result.tone}>{say(text, result.said)}</Alert> : null}
      </dialog>
    </>
  );
}

/** "3 errors, 5 warnings — export anyway?" with the first errors, or that none were found. */
function PreflightNotice({ preflight }: { preflight: Outcome<PreflightSummary> | "loading" }) {
  const { t, text } = useT();
  if (preflight === "loading") {
    return (
      <p className="small muted" role="status">
        {t("export.preflight.checking")}
      </p>
    );
  }
  if (!preflight.ok) return <Alert tone="warning" title={t("export.preflight.failed")}>{t("export.preflight.stillExport", { error: say(text, preflight.error) })}</Alert>;
  const { errors, warnings, firstErrors } = preflight.value;
  if (errors + warnings === 0) return <Alert tone="success">{t("export.preflight.clean")}</Alert>;
  return (
    <Alert tone={errors > 0 ? "warning" : "info"} title={t("export.preflight.summary", { errors, warnings })}>
      {firstErrors.length > 0 ? <PlacedList findings={firstErrors} /> : null}
      <p className="small">{t("export.preflight.checksTab")}</p>
    </Alert>
  );
}
