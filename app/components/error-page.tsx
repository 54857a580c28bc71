import { Link } from "@remix-run/react";
import type { MessageId } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";

const TITLES: Record<number, MessageId> = {
  403: "common.error.title403",
  404: "common.error.title404",
  429: "common.error.title429",
  503: "common.error.title503",
};

/**
 * A readable error page. Server details never reach it: only the status and our own message.
 * A route throws its message as a catalogue id (`throw data("common.error.draftNotFound", 404)`);
 * anything else is not shown, since it was not written for the reader.
 */
export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const { t } = useT();
  const known = message !== undefined && /^[a-z]+\.[A-Za-z0-9.]+$/.test(message) ? (message as MessageId) : undefined;
  const title = t(TITLES[status] ?? "common.error.titleOther");
  // A 503 carries our own message (busy: try again shortly); other 5xx are errors we logged.
  const body = status >= 500 && !(status === 503 && known) ? t("common.error.body500") : known ? t(known) : t("common.error.bodyOther");
  return (
    <div className="card" role="alert">
      <p className="eyebrow">{t("common.error.status", { status })}</p>
      <h1>{title}</h1>
      <p className="muted">{body}</p>
      <Link to="/workspaces">{t("common.error.back")}</Link>
    </div>
  );
}
