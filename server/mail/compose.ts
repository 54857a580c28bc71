import { DEFAULT_LOCALE, type InterfaceLocale } from "../../core/i18n/locales";
import { ROLE_LABELS } from "../../core/policies/roles";
import { uiTranslator } from "../../locales/ui/all";
import type { InvitationMail, SignUpMail } from "./mailer";

/** A mail put into words, ready for a transport: plain text, no tracking, no remote images. */
export interface ComposedMail {
  to: string;
  subject: string;
  text: string;
}

function translator(locale: InterfaceLocale | undefined) {
  return uiTranslator(locale ?? DEFAULT_LOCALE);
}

export function composeInvitation(mail: InvitationMail): ComposedMail {
  const { t, date } = translator(mail.locale);
  const values = { inviter: mail.inviterName ?? t("auth.invite.aCoordinator"), workspace: mail.workspaceName };
  return {
    to: mail.to,
    subject: t("mail.invitation.subject", values),
    text: [
      t("mail.invitation.body", { ...values, role: t(ROLE_LABELS[mail.role]) }),
      mail.link,
      t("mail.expires", { date: date(mail.expiresAt, { dateStyle: "long", timeStyle: "short" }) }),
      t("mail.footer.notYou"),
    ].join("\n\n"),
  };
}

export function composeSignUp(mail: SignUpMail): ComposedMail {
  const { t, date } = translator(mail.locale);
  if (mail.kind === "existing") {
    return {
      to: mail.to,
      subject: t("mail.existing.subject"),
      text: [t("mail.existing.body"), mail.signInLink, t("mail.footer.notYou")].join("\n\n"),
    };
  }
  return {
    to: mail.to,
    subject: t("mail.confirm.subject"),
    text: [
      t("mail.confirm.body"),
      mail.link,
      t("mail.expires", { date: date(mail.expiresAt, { dateStyle: "long", timeStyle: "short" }) }),
      t("mail.footer.notYou"),
    ].join("\n\n"),
  };
}
