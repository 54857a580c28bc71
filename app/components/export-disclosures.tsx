import type { PlacedMessage } from "./export-api";
import { Alert } from "./ui";

const LISTED = 10;

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
  if (disclosures.length === 0) return null;
  const more = disclosures.length - LISTED;
  return (
    <Alert tone="error" title="This file would name a confidential organisation or keep template placeholders">
      <ul className="export-findings">
        {disclosures.slice(0, LISTED).map((d, i) => (
          <li key={i}>
            <strong>{d.where}:</strong> {d.message}
          </li>
        ))}
        {more > 0 ? <li>…and {more} more (the Checks tab lists them all).</li> : null}
      </ul>
      {canOverride ? (
        <label className="export-format">
          <input type="checkbox" checked={override} disabled={disabled} onChange={(e) => onOverride(e.target.checked)} /> Export anyway: I know this file names a confidential
          organisation or keeps template placeholders (recorded in the audit log)
        </label>
      ) : (
        <p className="small">Fix them in the draft first: only an owner of the workspace can export it as it is.</p>
      )}
    </Alert>
  );
}
