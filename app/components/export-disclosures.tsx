import { FormattedMessage } from "react-intl";
import { useT } from "../i18n/i18n-provider";
import { say } from "../review/say";
import type { PlacedMessage } from "./export-api";
import { Alert } from "./ui";

const LISTED = 10;

/** Findings as "<b>para. 12:</b> what is wrong there", in the reader's language (French puts a space before the colon). */
export function PlacedList({ findings, more }: { findings: PlacedMessage[]; more?: React.ReactNode }) {
  const { text } = useT();
  return (
    <ul className="export-findings">
      {findings.map((f, i) => (
        <li key={i}>
          <FormattedMessage id="export.finding" values={{ where: say(text, f.where), message: say(text, f.message), b: (chunks) => <strong>{chunks}</strong> }} />
        </li>
      ))}
      {more}
    </ul>
  );
}

/**
 * What the file would disclose, before anything is written: every mention of a confidential
 * organisation and every template placeholder left, placed. The server refuses such an export;
 * an owner may tick "Export anyway" (sent with the request and checked there again), anyone else
 * is told to fix them or ask an owner.
 */
export function DisclosureNotice({
  disclosures,
  canOverride,
  override,
  onOverride,
  disabled,
}: {
  disclosures: PlacedMessage[];
  canOverride: boolean;
  override: boolean;
  onOverride: (override: boolean) => void;
  disabled: boolean;
}) {
  const { t } = useT();
  if (disclosures.length === 0) return null;
  const more = disclosures.length - LISTED;
  return (
    <Alert tone="error" title={t("export.disclosure.title")}>
      <PlacedList findings={disclosures.slice(0, LISTED)} more={more > 0 ? <li>{t("export.disclosure.more", { count: more })}</li> : null} />
      {canOverride ? (
        <label className="export-format">
          <input type="checkbox" checked={override} disabled={disabled} onChange={(e) => onOverride(e.target.checked)} /> {t("export.disclosure.override")}
        </label>
      ) : (
        <p className="small">{t("export.disclosure.fixFirst")}</p>
      )}
    </Alert>
  );
}
