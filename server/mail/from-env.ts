import type { Env } from "../env";
import { copyLinkMailer, type Mailer } from "./mailer";
import { deliveringMailer, outboxTransport, smtpTransport } from "./transports";

/** The mailer the settings ask for: SMTP first, else the outbox folder, else links to copy. */
export function mailerFromEnv(env: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "MAIL_OUTBOX_DIR">): { mailer: Mailer; transport: "smtp" | "outbox" | "none" } {
  if (env.SMTP_URL) return { mailer: deliveringMailer(smtpTransport(env.SMTP_URL, env.MAIL_FROM)), transport: "smtp" };
  if (env.MAIL_OUTBOX_DIR) return { mailer: deliveringMailer(outboxTransport(env.MAIL_OUTBOX_DIR, env.MAIL_FROM)), transport: "outbox" };
  return { mailer: copyLinkMailer, transport: "none" };
}
