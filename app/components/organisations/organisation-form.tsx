import { Form, useNavigation } from "@remix-run/react";
import type { FieldErrors } from "../../forms.server";
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
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Form method="post" className="form" noValidate onSubmit={onDone}>
      <input type="hidden" name="intent" value={intent} />
      {organisation ? <input type="hidden" name="organisationId" value={organisation.id} /> : null}
      <TextField label="Name" name="name" required defaultValue={organisation?.name} errors={errors.name} />
      <TextField
        label="Acronym"
        name="acronym"
        defaultValue={organisation?.acronym}
        description="As it should appear in the submission, e.g. HRW."
        errors={errors.acronym}
      />
      <CheckboxField
        label="Confidential"
        name="confidential"
        defaultChecked={organisation?.confidential}
        description="For members at risk of reprisals: never named outside this workspace."
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}
