import { Form } from "@remix-run/react";
import { ROLE_LABELS, type Role } from "../../../core/policies";
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
  if (invitations.length === 0) return null;
  return (
    <Card aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Pending invitations</h2>
      <DataTable fit columns={[{ label: "Email" }, { label: "Role" }, { label: "Expires" }, { label: "Revoke", hidden: true, align: "end" }]}>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>
                  {i.email}
                  <br />
                  <span className="muted small">
                    {i.organisationName ? `${i.organisationName} · ` : ""}invited by {i.invitedByName ?? "a former member"}
                  </span>
                </td>
                <td>
                  <Badge>{ROLE_LABELS[i.role]}</Badge>
                </td>
                <td>
                  <time dateTime={i.expiresAt}>{i.expiresAt.slice(0, 10)}</time>
                </td>
                <td className="actions">
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-invitation" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <Button type="submit" size="sm" variant="danger" aria-label={`Revoke invitation for ${i.email}`}>
                      Revoke
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
      </DataTable>
    </Card>
  );
}
