import { IMPORT_FIELDS } from "../../core/library/import-fields";
import { isStateCode, stateName } from "../../core/un/states";
import { columnFieldName } from "../schemas/library";
import { Alert, Button, DataTable, TextField } from "../components/ui";
import type { RecommendationPreview } from "../../core/library/import-types";
import { RowProblems } from "./import-summary";
import { PolicyChoice } from "./policy-choice";
import { count } from "../../core/text/count";
import { useT } from "../i18n/i18n-provider";

/** "Column C" for a column whose header cell is empty. */
function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `Column ${letters}`;
}

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Step 2 of a recommendations import, inside the import form: the detected export, a select per
 * column to confirm or change what it feeds, the first rows as they will be stored, the rows
 * that cannot be, and the choice of what to do about them.
 */
export function ImportMapping({ preview, importing = false }: { preview: RecommendationPreview; importing?: boolean }) {
  const { locale } = useT();
  const unit = preview.rowUnit === "item" ? "items" : "rows";
  return (
    <div className="import-step">
      <h3>Step 2: check the columns and the rows</h3>
      <p>
        {preview.preset ? (
          <>
            Detected a <strong>{preview.preset.label}</strong> file
          </>
        ) : preview.columns.length > 0 ? (
          "No known export detected: say what each column holds"
        ) : (
          "Caucus records: no mapping needed"
        )}
        {` · ${preview.rowsRead.toLocaleString("en")} ${unit} read from ${preview.file.name}.`}
      </p>
      <input type="hidden" name="previewName" value={preview.file.name} />
      <input type="hidden" name="previewSize" value={preview.file.size} />
      {preview.columns.length > 0 ? (
        <fieldset className="import-mapping">
          <legend className="field-label">What each column holds</legend>
          <input type="hidden" name="columns" value={preview.columns.length} />
          <DataTable columns={[{ label: "Column in the file" }, { label: "Caucus field" }]}>
            {preview.columns.map((column, i) => {
              const name = column.header || columnLetter(i);
              return (
                <tr key={i}>
                  <th scope="row">{name}</th>
                  <td>
                    <select className="input" name={columnFieldName(i)} defaultValue={column.field ?? ""} aria-label={`Field for “${name}”`}>
                      <option value="">Ignore this column</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field.key} value={field.key}>
                          {field.label}
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
              Update the preview
            </Button>
          </div>
        </fieldset>
      ) : null}

      {preview.sample.length > 0 ? (
        <section aria-labelledby="import-sample-heading">
          <h4 id="import-sample-heading">The first {preview.sample.length === 1 ? "record" : count(preview.sample.length, "record")}, as they will be stored</h4>
          <DataTable columns={[{ label: "Reference" }, { label: "State" }, { label: "Text" }, { label: "Response" }]}>
            {preview.sample.map((record, i) => (
              <tr key={i}>
                <td className="nowrap">
                  {record.symbol}
                  {record.paragraph ? `, para. ${record.paragraph}` : ""}
                  {record.recommendingStates.length > 0 ? ` (${record.recommendingStates.join(", ")})` : ""}
                </td>
                <td>{isStateCode(record.stateUnderReview) ? stateName(record.stateUnderReview, locale) : record.stateUnderReview}</td>
                <td>{clip(record.text)}</td>
                <td>{record.response ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}

      {preview.errorCount > 0 ? (
        <Alert tone="warning" title={`${preview.errorCount.toLocaleString("en")} of ${preview.rowsRead.toLocaleString("en")} ${unit} cannot be imported`}>
          <RowProblems problems={preview.errors} total={preview.errorCount} unit={preview.rowUnit} />
        </Alert>
      ) : (
        <p role="status">
          All {preview.good.toLocaleString("en")} recommendations can be imported
          {preview.duplicatesInFile > 0 ? ` (${preview.duplicatesInFile.toLocaleString("en")} repeated ${unit} merged)` : ""}.
        </p>
      )}

      <TextField
        label="Where these records come from"
        description="Kept with every record as its provenance."
        name="source"
        defaultValue={preview.source}
        maxLength={300}
      />
      {preview.errorCount > 0 ? <PolicyChoice /> : <input type="hidden" name="policy" value="all-or-nothing" />}
      <div className="form-actions">
        <Button type="submit" name="intent" value="import" busy={importing}>
          {/* With bad rows the count depends on the choice above, so the button does not promise one. */}
          {preview.errorCount > 0 ? "Import" : `Import ${count(preview.good, "recommendation")}`}
        </Button>
      </div>
    </div>
  );
}
