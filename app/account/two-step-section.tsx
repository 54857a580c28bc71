import { Link } from "@remix-run/react";
import { Badge, Card } from "../components/ui";
import { useT } from "../i18n/i18n-provider";

/** The Account page's summary of two-step sign-in, with the way to its own page. */
export function TwoStepSection({ on }: { on: boolean }) {
  const { t } = useT();
  return (
    <Card aria-labelledby="two-step-heading">
      <h2 id="two-step-heading">
        {t("twoStep.section.heading")} <Badge tone={on ? "accent" : "neutral"}>{on ? t("twoStep.status.on") : t("twoStep.status.off")}</Badge>
      </h2>
      <p className="muted">{t("twoStep.section.body")}</p>
      <Link className="btn btn-secondary btn-sm" to="/account/two-step">
        {on ? t("twoStep.section.manage") : t("twoStep.section.setUp")}
      </Link>
    </Card>
  );
}
