import { Form } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { useT } from "../../i18n/i18n-provider";
import { Badge, Button } from "../ui";
import { OrganisationForm } from "./organisation-form";

interface Organisation {
  id: string;
  name: string;
  acronym: string;
  confidential: boolean;
}

/** `focalPoint`: the organisation's focal point and, for those who may, its form (issue 21). */
export function OrganisationRow({ organisation: o, canManage, focalPoint }: { organisation: Organisation; canManage: boolean; focalPoint?: ReactNode }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li style={{ display: "block" }}>
        <OrganisationForm intent="update-organisation" organisation={o} errors={{}} submitLabel={t("workspace.orgs.save")} onDone={() => setEditing(false)} />
        <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(false)}>
          {t("workspace.orgs.cancel")}
        </Button>
      </li>
    );
  }
  return (
    <li>
      <div>
        <strong>{o.name}</strong> {o.acronym ? <span className="muted">{t("workspace.orgs.acronymInParentheses", { acronym: o.acronym })}</span> : null} {o.confidential ? <Badge tone="warning">{t("workspace.orgs.confidential")}</Badge> : null}
        {focalPoint}
      </div>
      {canManage ? (
        <div className="inline-controls">
          <Button type="button" size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={t("workspace.orgs.editLabel", { name: o.name })}>
            {t("workspace.orgs.edit")}
          </Button>
          <Form
            method="post"
            onSubmit={(e) => {
              if (!confirm(t("workspace.orgs.confirmRemove", { name: o.name }))) e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="remove-organisation" />
            <input type="hidden" name="organisationId" value={o.id} />
            <Button type="submit" size="sm" variant="danger" aria-label={t("workspace.orgs.removeLabel", { name: o.name })}>
              {t("workspace.orgs.remove")}
            </Button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}
