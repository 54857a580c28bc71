import { Form, useNavigation } from "@remix-run/react";
import type { FieldErrors } from "../../forms.server";
import { useT } from "../../i18n/i18n-provider";
import { Button, CheckboxField, TextField } from "../ui";

interface Props {
  intent: "add-organisation" | "update-organisation";
  errors: FieldErrors;
  submitLabel: string;
  organisation?: { id: string; name: string; acronym: string; confidential: boolean };
  onDone?: () => void;
}

/** The same fields for adding and editing; `key` the caller's usage to reset after success. */
export function OrganisationForm({ intent, errors, submitLabel, organisation, onDone }: Props) {
  const { t } = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Form method="post" className="form" noValidate onSubmit={onDone}>
      <input type="hidden" name="intent" value={intent} />
      {organisation ? <input type="hidden" name="organisationId" value={organisation.id} /> : null}
      <TextField label={t("workspace.orgs.name")} name="name" required defaultValue={organisation?.name} errors={errors.name} />
      <TextField
        label={t("workspace.orgs.acronym")}
        name="acronym"
        defaultValue={organisation?.acronym}
        description={t("workspace.orgs.acronymHint")}
        errors={errors.acronym}
      />
      <CheckboxField
        label={t("workspace.orgs.confidential")}
        name="confidential"
        defaultChecked={organisation?.confidential}
        description={t("workspace.orgs.confidentialHint")}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}
