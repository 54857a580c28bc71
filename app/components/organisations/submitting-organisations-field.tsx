/** An organisation a cover may name, as the new-draft and Word-import forms list them. */
export interface CoverOrganisationOption {
  id: string;
  name: string;
  acronym: string | null;
  confidential: boolean;
}

/**
 * The cover's "Submitting organisations" checkboxes. Confidential organisations are listed (only
 * members see these forms) and marked as never printed.
 */
export function SubmittingOrganisationsField({ organisations, errors, description }: { organisations: readonly CoverOrganisationOption[]; errors?: string[]; description?: string }) {
  return (
    <fieldset className="field">
      <legend className="field-label">Submitting organisations</legend>
      {description && organisations.length > 0 ? <p className="field-description">{description}</p> : null}
      {organisations.length === 0 ? (
        <p className="field-description">Add the coalition's organisations on the Organisations tab to name them here.</p>
      ) : (
        organisations.map((o) => (
          <label key={o.id} className="field-checkbox">
            <input type="checkbox" name="organisations" value={o.id} />
            <span>
              {o.name}
              {o.acronym ? ` (${o.acronym})` : ""}
              {o.confidential ? <span className="muted"> — confidential: never printed on the cover</span> : null}
            </span>
          </label>
        ))
      )}
      {errors ? (
        <p className="field-error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
