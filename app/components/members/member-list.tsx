import { Form } from "@remix-run/react";
import type { MemberRow } from "../../../db/queries/memberships";
import { Badge, Button, Card, DataTable, type Option } from "../ui";
import { shortRoleOptions } from "./role-options";

/** A member as the loader sends it (dates become strings on the way). */
type Member = Omit<MemberRow, "joinedAt">;

export function MemberList({ members, organisations, currentUserId }: { members: Member[]; organisations: Option[]; currentUserId: string }) {
  return (
    <Card aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <DataTable fit columns={[{ label: "Person" }, { label: "Role and organisation" }, { label: "Remove", hidden: true, align: "end" }]}>
            {members.map((m) => (
              <tr key={m.membershipId}>
                <td>
                  <strong>{m.name}</strong> {m.userId === currentUserId ? <Badge tone="accent">You</Badge> : null}
                  <br />
                  <span className="muted small">{m.email}</span>
                </td>
                <td>
                  <Form method="post" className="inline-controls" aria-label={`Role of ${m.name}`}>
                    <input type="hidden" name="intent" value="update-member" />
                    <input type="hidden" name="membershipId" value={m.membershipId} />
                    <label className="sr-only" htmlFor={`role-${m.membershipId}`}>
                      Role of {m.name}
                    </label>
                    <select id={`role-${m.membershipId}`} name="role" className="input" defaultValue={m.role}>
                      {shortRoleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <label className="sr-only" htmlFor={`org-${m.membershipId}`}>
                      Organisation of {m.name}
                    </label>
                    <select id={`org-${m.membershipId}`} name="organisationId" className="input" defaultValue={m.organisationId ?? ""}>
                      <option value="">No organisation</option>
                      {organisations.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <Button type="submit" size="sm" variant="secondary">
                      Save
                    </Button>
                  </Form>
                </td>
                <td className="actions">
                  <Form
                    method="post"
                    onSubmit={(e) => {
                      const who = m.userId === currentUserId ? "yourself" : m.name;
                      if (!confirm(`Remove ${who} from this workspace?`)) e.preventDefault();
                    }}
                  >
                    <input type="hidden" name="intent" value="remove-member" />
                    <input type="hidden" name="membershipId" value={m.membershipId} />
                    <Button type="submit" size="sm" variant="danger">
                      {m.userId === currentUserId ? (
                        <>
                          Leave<span className="sr-only"> the workspace</span>
                        </>
                      ) : (
                        <>
                          Remove<span className="sr-only"> {m.name}</span>
                        </>
                      )}
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
      </DataTable>
    </Card>
  );
}
