import { Form } from "@remix-run/react";
import { ROLE_LABELS, type Role } from "../../../core/policies";
import { useT } from "../../i18n/i18n-provider";
import { Badge, Button, Card, DataTable } from "../ui";

interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  organisationName: string | null;
  invitedByName: string | null;
  expiresAt: string;
}

export function InvitationList({ invitations }: { invitations: PendingInvitation[] }) {
  const { t, date } = useT();
  if (invitations.length === 0) return null;
  const columns = [
    { label: t("workspace.invitations.colEmail") },
    { label: t("workspace.invitations.colRole") },
    { label: t("workspace.invitations.colExpires") },
    { label: t("workspace.invitations.colRevoke"), hidden: true, align: "end" as const },
  ];
  return (
    <Card aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t("workspace.invitations.heading")}</h2>
      <DataTable fit columns={columns}>
        {invitations.map((i) => {
          const name = i.invitedByName ?? t("workspace.invitations.aFormerMember");
          return (
            <tr key={i.id}>
              <td>
                {i.email}
                <br />
                <span className="muted small">
                  {i.organisationName
                    ? t("workspace.invitations.invitedByFor", { organisation: i.organisationName, name })
                    : t("workspace.invitations.invitedBy", { name })}
                </span>
              </td>
              <td>
                <Badge>{t(ROLE_LABELS[i.role])}</Badge>
              </td>
              <td>
                <time dateTime={i.expiresAt}>{date(i.expiresAt, { dateStyle: "medium" })}</time>
              </td>
              <td className="actions">
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke-invitation" />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <Button type="submit" size="sm" variant="danger" aria-label={t("workspace.invitations.revokeLabel", { email: i.email })}>
                    {t("workspace.invitations.revoke")}
                  </Button>
                </Form>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </Card>
  );
}
