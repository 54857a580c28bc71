import { Form, useNavigation } from "@remix-run/react";
import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import { Alert, Button, TextField } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import { message, type Message } from "../../core/i18n/message";
import { ImportMapping } from "./import-mapping";
import { ImportProgress } from "./import-progress";
import { ImportSummaryView } from "./import-summary";
import type { ImportSummary, RecommendationPreview } from "../../core/library/import-types";
import { useStreamedImport } from "./use-streamed-import";

export interface RecommendationImportFormProps {
  /** Step 2, from the page's preview post. */
  preview: RecommendationPreview | null;
  /** The result of an import posted without JavaScript. */
  summary: ImportSummary | null;
  fileErrors?: Message[];
  formError?: Message[];
  /** The streaming endpoint (library/import.ndjson) the import is sent to when JavaScript runs. */
  streamUrl: string;
  libraryHref: string;
  maxBytes: number;
}

/** Sizes go to messages in megabytes, which write them "{size, number, ::.0} MB". */
const megabytes = (bytes: number) => bytes / 1024 / 1024;

/**
 * A recommendations file, in two steps within one form: preview (the page's action answers with
 * the mapping step), then import. The file input stays in the form, so the browser sends the
 * file again with the confirmed mapping and the server keeps nothing in between. With JavaScript
 * the import goes to the streaming endpoint and shows its progress; without, it posts normally.
 */
export function RecommendationImportForm({ preview, summary, fileErrors, formError, streamUrl, libraryHref, maxBytes }: RecommendationImportFormProps) {
  const { t, text } = useT();
  const id = useId();
  const navigation = useNavigation();
  const streamed = useStreamedImport();
  // A new file makes the previous preview (and result) wrong: hide them until the next answer.
  const [dismissed, setDismissed] = useState<readonly unknown[]>([]);
  const [sizeError, setSizeError] = useState<Message | null>(null);
  const shownPreview = preview && !dismissed.includes(preview) ? preview : null;
  const shownSummary = streamed.state.status === "done" ? streamed.state.summary : summary && !dismissed.includes(summary) ? summary : null;
  const previewing = navigation.state === "submitting" && navigation.formData?.get("intent") === "preview";
  const running = streamed.state.status === "running";
  const errors = [...(sizeError ? [sizeError] : []), ...(fileErrors ?? [])];

  function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    setDismissed([preview, summary]);
    streamed.reset();
    const file = event.currentTarget.files?.[0];
    const tooLarge = file && file.size > maxBytes ? message("import.form.fileTooLarge", { size: megabytes(file.size), max: megabytes(maxBytes) }) : null;
    // The browser then refuses to submit, and says why, without sending 100 MB first.
    event.currentTarget.setCustomValidity(tooLarge ? text(tooLarge) : "");
    setSizeError(tooLarge);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value !== "import") return; // the preview goes through the page's action
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("intent", "import");
    void streamed.start(streamUrl, form);
  }

  return (
    <Form method="post" encType="multipart/form-data" className="form" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("import.recommendations.heading")}</h2>
      <p className="muted small">{t("import.recommendations.intro")}</p>
      <h3>{t("import.recommendations.step1")}</h3>
      {formError ? <Alert tone="error">{formError.map(text).join(" ")}</Alert> : null}
      <TextField
        label={t("import.recommendations.file")}
        description={t("import.recommendations.fileHint", { max: megabytes(maxBytes) })}
        errors={errors}
        type="file"
        name="file"
        required
        accept=".csv,.tsv,.txt,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={onFileChange}
      />
      {shownPreview ? (
        <noscript>
          <p className="field-description">{t("import.recommendations.chooseAgain")}</p>
        </noscript>
      ) : null}
      {shownPreview ? null : (
        <div className="form-actions">
          <Button type="submit" name="intent" value="preview" busy={previewing}>
            {previewing ? t("import.recommendations.reading") : t("import.recommendations.preview")}
          </Button>
        </div>
      )}
      {shownPreview && streamed.state.status !== "done" ? (
        <ImportMapping key={`${shownPreview.file.name}:${shownPreview.file.size}`} preview={shownPreview} importing={running} />
      ) : null}
      {running && streamed.state.status === "running" ? <ImportProgress state={streamed.state} kind="recommendations" /> : null}
      {streamed.state.status === "failed" ? <Alert tone="error">{text(streamed.state.message)}</Alert> : null}
      {shownSummary ? <ImportSummaryView summary={shownSummary} libraryHref={libraryHref} /> : null}
    </Form>
  );
}
