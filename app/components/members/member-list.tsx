import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormattedMessage } from "react-intl";
import type { MemberRow } from "../../../db/queries/memberships";
import { useT } from "../../i18n/i18n-provider";
import { Badge, Button, Card, DataTable, type Option } from "../ui";
import { useShortRoleOptions } from "./role-options";

/** A member as the loader sends it (dates become strings on the way). */
type Member = Omit<MemberRow, "joinedAt">;

/** The part of a button's name only a screen reader hears ("Remove<sr> Ana</sr>"). */
const srOnly = (chunks: ReactNode[]) => <span className="sr-only">{chunks}</span>;

export function MemberList({ members, organisations, currentUserId }: { members: Member[]; organisations: Option[]; currentUserId: string }) {
  const { t } = useT();
  const shortRoleOptions = useShortRoleOptions();
  const columns = [
    { label: t("workspace.members.colPerson") },
    { label: t("workspace.members.colRole") },
    { label: t("workspace.members.colRemove"), hidden: true, align: "end" as const },
  ];
  return (
    <Card aria-labelledby="members-heading">
      <h2 id="members-heading">{t("workspace.members.heading")}</h2>
      <DataTable fit columns={columns}>
        {members.map((m) => {
          const self = m.userId === currentUserId;
          return (
            <tr key={m.membershipId}>
              <td>
                <strong>{m.name}</strong> {self ? <Badge tone="accent">{t("workspace.members.you")}</Badge> : null}
                <br />
                <span className="muted small">{m.email}</span>
              </td>
              <td>
                <Form method="post" className="inline-controls" aria-label={t("workspace.members.roleOf", { name: m.name })}>
                  <input type="hidden" name="intent" value="update-member" />
                  <input type="hidden" name="membershipId" value={m.membershipId} />
                  <label className="sr-only" htmlFor={`role-${m.membershipId}`}>
                    {t("workspace.members.roleOf", { name: m.name })}
                  </label>
                  <select id={`role-${m.membershipId}`} name="role" className="input" defaultValue={m.role}>
                    {shortRoleOptions.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <label className="sr-only" htmlFor={`org-${m.membershipId}`}>
                    {t("workspace.members.organisationOf", { name: m.name })}
                  </label>
                  <select id={`org-${m.membershipId}`} name="organisationId" className="input" defaultValue={m.organisationId ?? ""}>
                    <option value="">{t("workspace.members.noOrganisation")}</option>
                    {organisations.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                  <Button type="submit" size="sm" variant="secondary">
                    {t("workspace.members.save")}
                  </Button>
                </Form>
              </td>
              <td className="actions">
                <Form
                  method="post"
                  onSubmit={(e) => {
                    const question = self ? t("workspace.members.confirmLeave") : t("workspace.members.confirmRemove", { name: m.name });
                    if (!confirm(question)) e.preventDefault();
                  }}
                >
                  <input type="hidden" name="intent" value="remove-member" />
                  <input type="hidden" name="membershipId" value={m.membershipId} />
                  <Button type="submit" size="sm" variant="danger">
                    {self ? (
                      <FormattedMessage id="workspace.members.leave" values={{ sr: srOnly }} />
                    ) : (
                      <FormattedMessage id="workspace.members.remove" values={{ sr: srOnly, name: m.name }} />
                    )}
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
