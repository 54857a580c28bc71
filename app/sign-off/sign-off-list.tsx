import { useT } from "../i18n/i18n-provider";
import { Badge } from "../components/ui";
import { compareFromUrl, type OrganisationSignOff } from "./sign-off-api";

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/**
 * Who has signed which version: for each co-submitting organisation approved, changes requested
 * (with the comment) or waiting; by whom, when, on which version; and when the draft's text has
 * changed since, "signed an earlier version" with the compare from that version to now.
 */
export function SignOffList({ organisations, workspaceId, draftId, actions }: {
  organisations: OrganisationSignOff[];
  workspaceId: string;
  draftId: string;
  /** Controls shown under an organisation (the focal point's Approve / Request changes). */
  actions?: (organisation: OrganisationSignOff) => React.ReactNode;
}) {
  const { t, date } = useT();
  return (
    <ul className="sign-off-list">
      {organisations.map((o) => {
        const s = o.signOff;
        return (
          <li key={o.id} className="sign-off-item" data-organisation={o.id} data-status={o.status}>
            <div className="sign-off-head">
              <strong>{o.acronym ? t("signOff.list.nameWithAcronym", { name: o.name, acronym: o.acronym }) : o.name}</strong>
              {o.status === "approved" ? (
                <Badge tone={s?.earlier ? "warning" : "accent"}>{t("signOff.status.approved")}</Badge>
              ) : o.status === "changes_requested" ? (
                <Badge tone="danger">{t("signOff.status.changesRequested")}</Badge>
              ) : (
                <Badge>{t("signOff.status.waiting")}</Badge>
              )}
            </div>
            <p className="small muted">{o.focalPoint ? t("signOff.list.focalPoint", { name: o.focalPoint.name }) : t("signOff.list.noFocalPoint")}</p>
            {s ? (
              <p className="small">
                {t("signOff.list.signed", { person: s.signedBy, when: date(s.at, WHEN), version: s.versionName ?? t("signOff.list.unnamedVersion") })}
              </p>
            ) : null}
            {s?.comment ? <blockquote className="sign-off-comment">{s.comment}</blockquote> : null}
            {s?.earlier ? (
              <p className="small sign-off-earlier">
                {t("signOff.list.earlier")} <a href={compareFromUrl(workspaceId, draftId, s.versionId)}>{t("signOff.list.compare")}</a>
              </p>
            ) : null}
            {actions?.(o)}
          </li>
        );
      })}
    </ul>
  );
}
