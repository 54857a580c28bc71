import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { Alert, Button, TextField } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import type { Message } from "../../core/i18n/message";
import { ImportSummaryView } from "./import-summary";
import type { ImportSummary } from "../../core/library/import-types";
import { PolicyChoice } from "./policy-choice";

export interface SourcesImportFormProps {
  summary: ImportSummary | null;
  fileErrors?: Message[];
  formError?: Message[];
  libraryHref: string;
}

/**
 * Sources from a reference manager (Zotero's BibTeX, RIS or CSL-JSON export) in one step: a
 * bad entry is reported by its position, and the person chooses beforehand what it stops.
 */
export function SourcesImportForm({ summary, fileErrors, formError, libraryHref }: SourcesImportFormProps) {
  const { t, text } = useT();
  const id = useId();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "import-sources";
  return (
    <Form method="post" encType="multipart/form-data" className="form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("import.sources.heading")}</h2>
      <p className="muted small">{t("import.sources.intro")}</p>
      {formError ? <Alert tone="error">{formError.map(text).join(" ")}</Alert> : null}
      <TextField label={t("import.sources.file")} errors={fileErrors} type="file" name="file" required accept=".bib,.bibtex,.ris,.json,.txt" />
      <PolicyChoice legend={t("import.sources.policyLegend")} />
      <div className="form-actions">
        <Button type="submit" name="intent" value="import-sources" busy={busy}>
          {busy ? t("import.sources.importing") : t("import.sources.submit")}
        </Button>
      </div>
      {summary ? <ImportSummaryView summary={summary} libraryHref={libraryHref} /> : null}
    </Form>
  );
}
