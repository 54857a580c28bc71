import type { Message } from "../../../core/i18n/message";
import { useT } from "../../i18n/i18n-provider";

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
export function SubmittingOrganisationsField({ organisations, errors, description }: { organisations: readonly CoverOrganisationOption[]; errors?: Message[]; description?: string }) {
  const { t, text } = useT();
  return (
    <fieldset className="field">
      <legend className="field-label">{t("workspace.orgs.submitting")}</legend>
      {description && organisations.length > 0 ? <p className="field-description">{description}</p> : null}
      {organisations.length === 0 ? (
        <p className="field-description">{t("workspace.orgs.submittingEmpty")}</p>
      ) : (
        organisations.map((o) => (
          <label key={o.id} className="field-checkbox">
            <input type="checkbox" name="organisations" value={o.id} />
            <span>
              {o.acronym ? t("workspace.orgs.nameWithAcronym", { name: o.name, acronym: o.acronym }) : o.name}
              {o.confidential ? <span className="muted"> {t("workspace.orgs.neverPrinted")}</span> : null}
            </span>
          </label>
        ))
      )}
      {errors ? (
        <p className="field-error" role="alert">
          {errors.map(text).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
