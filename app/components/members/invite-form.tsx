import { Form, useNavigation } from "@remix-run/react";
import type { FieldErrors } from "../../forms.server";
import { Button, SelectField, TextField, type Option } from "../ui";
import { roleOptions } from "./role-options";

export interface InviteResult {
  link: string;
  email: string;
  delivered: boolean;
}

export function InviteForm({ organisations, errors }: { organisations: Option[]; errors: FieldErrors }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="invite" />
      <TextField label="Email" name="email" type="email" autoComplete="off" required errors={errors.email} />
      <SelectField label="Role" name="role" options={roleOptions} defaultValue="editor" errors={errors.role} />
      <SelectField
        label="Organisation"
        name="organisationId"
        options={organisations}
        placeholder="None / individual"
        description="Which member organisation they write for. Add organisations on the Organisations tab."
        errors={errors.organisationId}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          Create invitation link
        </Button>
      </div>
    </Form>
  );
}
