import { FormattedMessage } from "react-intl";
import { IMPORT_FIELDS, IMPORT_FIELD_MESSAGES } from "../../core/library/import-fields";
import { isStateCode, stateName } from "../../core/un/states";
import { columnFieldName } from "../schemas/library";
import { Alert, Button, DataTable, TextField } from "../components/ui";
import type { RecommendationPreview } from "../../core/library/import-types";
import { RowProblems } from "./import-summary";
import { PolicyChoice } from "./policy-choice";
import { useT } from "../i18n/i18n-provider";

/** "C" for the third column, which a column whose header cell is empty is called by. */
function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Step 2 of a recommendations import, inside the import form: the detected export, a select per
 * column to confirm or change what it feeds, the first rows as they will be stored, the rows
 * that cannot be, and the choice of what to do about them.
 */
export function ImportMapping({ preview, importing = false }: { preview: RecommendationPreview; importing?: boolean }) {
  const { t, locale } = useT();
  const unit = preview.rowUnit;
  return (
    <div className="import-step">
      <h3>{t("import.mapping.heading")}</h3>
      <p>
        {preview.preset ? (
          // The export's name is a product's (UHRI, UPR Info), chosen by the preset's id.
          <FormattedMessage
            id="import.mapping.detected"
            values={{ preset: preview.preset.id === "upr-info" ? "uprInfo" : preview.preset.id, strong: (chunks) => <strong>{chunks}</strong> }}
          />
        ) : preview.columns.length > 0 ? (
          t("import.mapping.noPreset")
        ) : (
          t("import.mapping.caucusRecords")
        )}
        {t("import.mapping.read", { unit, count: preview.rowsRead, file: preview.file.name })}
      </p>
      <input type="hidden" name="previewName" value={preview.file.name} />
      <input type="hidden" name="previewSize" value={preview.file.size} />
      {preview.columns.length > 0 ? (
        <fieldset className="import-mapping">
          <legend className="field-label">{t("import.mapping.legend")}</legend>
          <input type="hidden" name="columns" value={preview.columns.length} />
          <DataTable columns={[{ label: t("import.mapping.fileColumn") }, { label: t("import.mapping.caucusField") }]}>
            {preview.columns.map((column, i) => {
              // A header is the file’s own words, shown as written; an empty one is named by its letter.
              const name = column.header || t("import.mapping.columnLetter", { column: columnLetters(i) });
              return (
                <tr key={i}>
                  <th scope="row">{name}</th>
                  <td>
                    <select
                      className="input"
                      name={columnFieldName(i)}
                      defaultValue={column.field ?? ""}
                      aria-label={t("import.mapping.fieldFor", { column: name })}
                    >
                      <option value="">{t("import.mapping.ignore")}</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field.key} value={field.key}>
                          {t(IMPORT_FIELD_MESSAGES[field.key])}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <div className="form-actions">
            <Button type="submit" name="intent" value="preview" variant="secondary" size="sm">
              {t("import.mapping.update")}
            </Button>
          </div>
        </fieldset>
      ) : null}

      {preview.sample.length > 0 ? (
        <section aria-labelledby="import-sample-heading">
          <h4 id="import-sample-heading">{t("import.mapping.sample", { count: preview.sample.length })}</h4>
          <DataTable
            columns={[
              { label: t("import.mapping.reference") },
              { label: t("import.mapping.state") },
              { label: t("import.field.text") },
              { label: t("import.field.response") },
            ]}
          >
            {preview.sample.map((record, i) => (
              <tr key={i}>
                <td className="nowrap">
                  {record.symbol}
                  {record.paragraph ? t("import.mapping.paragraph", { paragraph: record.paragraph }) : ""}
                  {record.recommendingStates.length > 0 ? t("import.mapping.states", { states: record.recommendingStates.join(", ") }) : ""}
                </td>
                <td>{isStateCode(record.stateUnderReview) ? stateName(record.stateUnderReview, locale) : record.stateUnderReview}</td>
                <td>{clip(record.text)}</td>
                <td>{record.response ?? t("import.mapping.noResponse")}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}

      {preview.errorCount > 0 ? (
        <Alert tone="warning" title={t("import.mapping.bad", { unit, count: preview.errorCount, read: preview.rowsRead })}>
          <RowProblems problems={preview.errors} total={preview.errorCount} unit={preview.rowUnit} />
        </Alert>
      ) : (
        <p role="status">
          {preview.duplicatesInFile > 0
            ? t("import.mapping.allGoodMerged", { count: preview.good, unit, merged: preview.duplicatesInFile })
            : t("import.mapping.allGood", { count: preview.good })}
        </p>
      )}

      <TextField label={t("import.mapping.source")} description={t("import.mapping.sourceHint")} name="source" defaultValue={preview.source} maxLength={300} />
      {preview.errorCount > 0 ? <PolicyChoice /> : <input type="hidden" name="policy" value="all-or-nothing" />}
      <div className="form-actions">
        <Button type="submit" name="intent" value="import" busy={importing}>
          {/* With bad rows the count depends on the choice above, so the button does not promise one. */}
          {preview.errorCount > 0 ? t("import.mapping.import") : t("import.mapping.importCount", { count: preview.good })}
        </Button>
      </div>
    </div>
  );
}
