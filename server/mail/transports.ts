import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { composeInvitation, composeSignUp, type ComposedMail } from "./compose";
import type { Mailer } from "./mailer";

/** Hands one composed mail to the world. */
export interface MailTransport {
  deliver(mail: ComposedMail): Promise<void>;
  close?(): void;
}

/** A Mailer that puts each mail into words (in its reader's language) and delivers it. */
export function deliveringMailer(transport: MailTransport): Mailer {
  return {
    delivers: true,
    sendInvitation: (mail) => transport.deliver(composeInvitation(mail)),
    sendSignUp: (mail) => transport.deliver(composeSignUp(mail)),
  };
}

/** SMTP through nodemailer: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async deliver(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transporter.close(),
  };
}

/** What an outbox file holds: the mail as it would have been sent. */
export interface OutboxMail extends ComposedMail {
  from: string;
  date: string;
}

/**
 * Each mail as one JSON file in a folder, for an operator without an SMTP server (who forwards
 * them by hand or with their own tool) and for tests. Written aside and renamed into place, so a
 * reader never sees half a mail; names sort in the order the mails were written.
 */
export function outboxTransport(dir: string, from: string): MailTransport {
  return {
    async deliver(mail) {
      await mkdir(dir, { recursive: true });
      const date = new Date().toISOString();
      const name = `${date.replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.json`;
      const record: OutboxMail = { from, date, ...mail };
      const aside = join(dir, `.${name}.tmp`);
      await writeFile(aside, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
      await rename(aside, join(dir, name));
    },
  };
}
