import { Link } from "@remix-run/react";
import { useState } from "react";
import { Alert, Button, Card } from "../components/ui";
import { useT } from "../i18n/i18n-provider";

/**
 * The recovery codes, shown this once (only their hashes are kept): copy them, download them as a
 * text file, or write them down, then go on.
 */
export function RecoveryCodesOnce({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState<boolean | "refused">(false);
  const asText = codes.join("\n") + "\n";
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(asText);
      setCopied(true);
    } catch {
      setCopied("refused");
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([asText], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "caucus-recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Card aria-labelledby="recovery-once-heading" className="recovery-codes-once">
      <h2 id="recovery-once-heading">{t("twoStep.recovery.onceHeading")}</h2>
      <Alert tone="warning">{t("twoStep.recovery.onceBody")}</Alert>
      <ol className="recovery-codes mono" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="form-actions">
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          {copied === true ? t("twoStep.recovery.copied") : t("twoStep.recovery.copy")}
        </Button>
        <Button type="button" variant="secondary" onClick={download}>
          {t("twoStep.recovery.download")}
        </Button>
        <Link className="btn btn-primary" to={continueTo}>
          {t("twoStep.recovery.saved")}
        </Link>
      </div>
      <p className="sr-only" aria-live="polite">
        {copied === true ? t("twoStep.recovery.copied") : copied === "refused" ? t("twoStep.recovery.copyRefused") : ""}
      </p>
    </Card>
  );
}
