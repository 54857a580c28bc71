import { Form, useNavigation } from "@remix-run/react";
import type { FieldErrors } from "../../forms.server";
import { Button, SelectField, TextField, type Option } from "../ui";
import { useT } from "../../i18n/i18n-provider";
import { useRoleOptions } from "./role-options";

export interface InviteResult {
  link: string;
  email: string;
  delivered: boolean;
  /** How many days the link works. */
  validDays: number;
}

export function InviteForm({ organisations, errors }: { organisations: Option[]; errors: FieldErrors }) {
  const { t } = useT();
  const roleOptions = useRoleOptions();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="invite" />
      <TextField label={t("workspace.invite.email")} name="email" type="email" autoComplete="off" required errors={errors.email} />
      <SelectField label={t("workspace.invite.role")} name="role" options={roleOptions} defaultValue="editor" errors={errors.role} />
      <SelectField
        label={t("workspace.invite.organisation")}
        name="organisationId"
        options={organisations}
        placeholder={t("workspace.invite.noOrganisation")}
        description={t("workspace.invite.organisationHint")}
        errors={errors.organisationId}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t("workspace.invite.submit")}
        </Button>
      </div>
    </Form>
  );
}
