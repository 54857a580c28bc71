import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { Alert, Button, TextField } from "../components/ui";
import { ImportSummaryView } from "./import-summary";
import type { ImportSummary } from "../../core/library/import-types";
import { PolicyChoice } from "./policy-choice";

export interface SourcesImportFormProps {
  summary: ImportSummary | null;
  fileErrors?: string[];
  formError?: string;
  libraryHref: string;
}

/**
 * Sources from a reference manager (Zotero's BibTeX, RIS or CSL-JSON export) in one step: a
 * bad entry is reported by its position, and the person chooses beforehand what it stops.
 */
export function SourcesImportForm({ summary, fileErrors, formError, libraryHref }: SourcesImportFormProps) {
  const id = useId();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "import-sources";
  return (
    <Form method="post" encType="multipart/form-data" className="form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import sources</h2>
      <p className="muted small">The reports, laws and articles footnotes cite. In Zotero: File → Export Library…, then BibTeX, RIS or CSL JSON.</p>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField label="Sources file" errors={fileErrors} type="file" name="file" required accept=".bib,.bibtex,.ris,.json,.txt" />
      <PolicyChoice legend="Entries that cannot be read" />
      <div className="form-actions">
        <Button type="submit" name="intent" value="import-sources" busy={busy}>
          {busy ? "Importing…" : "Import sources"}
        </Button>
      </div>
      {summary ? <ImportSummaryView summary={summary} libraryHref={libraryHref} /> : null}
    </Form>
  );
}
