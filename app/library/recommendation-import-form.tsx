import { Form, useNavigation } from "@remix-run/react";
import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import { Alert, Button, TextField } from "../components/ui";
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
  fileErrors?: string[];
  formError?: string;
  /** The streaming endpoint (library/import.ndjson) the import is sent to when JavaScript runs. */
  streamUrl: string;
  libraryHref: string;
  maxBytes: number;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A recommendations file, in two steps within one form: preview (the page's action answers with
 * the mapping step), then import. The file input stays in the form, so the browser sends the
 * file again with the confirmed mapping and the server keeps nothing in between. With JavaScript
 * the import goes to the streaming endpoint and shows its progress; without, it posts normally.
 */
export function RecommendationImportForm({ preview, summary, fileErrors, formError, streamUrl, libraryHref, maxBytes }: RecommendationImportFormProps) {
  const id = useId();
  const navigation = useNavigation();
  const streamed = useStreamedImport();
  // A new file makes the previous preview (and result) wrong: hide them until the next answer.
  const [dismissed, setDismissed] = useState<readonly unknown[]>([]);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const shownPreview = preview && !dismissed.includes(preview) ? preview : null;
  const shownSummary = streamed.state.status === "done" ? streamed.state.summary : summary && !dismissed.includes(summary) ? summary : null;
  const previewing = navigation.state === "submitting" && navigation.formData?.get("intent") === "preview";
  const running = streamed.state.status === "running";
  const errors = [...(sizeError ? [sizeError] : []), ...(fileErrors ?? [])];

  function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    setDismissed([preview, summary]);
    streamed.reset();
    const file = event.currentTarget.files?.[0];
    const tooLarge = file && file.size > maxBytes ? `This file is ${megabytes(file.size)}; one import takes at most ${megabytes(maxBytes)}. Split it and import the parts.` : null;
    // The browser then refuses to submit, and says why, without sending 100 MB first.
    event.currentTarget.setCustomValidity(tooLarge ?? "");
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
      <h2 id={`${id}-heading`}>Import recommendations</h2>
      <p className="muted small">
        Into the coalition’s own library, which every member can search and quote; the shared library is not changed. A record already there
        (same document, paragraph and recommending States) is updated, not repeated.
      </p>
      <h3>Step 1: choose a file</h3>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        label="Recommendations file"
        description={`A UHRI or UPR Info export, or any spreadsheet with a column of recommendations: CSV, Excel (.xlsx) or Caucus JSON, up to ${megabytes(maxBytes)}.`}
        errors={errors}
        type="file"
        name="file"
        required
        accept=".csv,.tsv,.txt,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={onFileChange}
      />
      {shownPreview ? (
        <noscript>
          <p className="field-description">Choose the same file again before importing: the server keeps nothing between the two steps.</p>
        </noscript>
      ) : null}
      {shownPreview ? null : (
        <div className="form-actions">
          <Button type="submit" name="intent" value="preview" busy={previewing}>
            {previewing ? "Reading the file…" : "Preview"}
          </Button>
        </div>
      )}
      {shownPreview && streamed.state.status !== "done" ? (
        <ImportMapping key={`${shownPreview.file.name}:${shownPreview.file.size}`} preview={shownPreview} importing={running} />
      ) : null}
      {running && streamed.state.status === "running" ? <ImportProgress state={streamed.state} noun="recommendations" /> : null}
      {streamed.state.status === "failed" ? <Alert tone="error">{streamed.state.message}</Alert> : null}
      {shownSummary ? <ImportSummaryView summary={shownSummary} libraryHref={libraryHref} /> : null}
    </Form>
  );
}
