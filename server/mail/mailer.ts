import type { InterfaceLocale } from "../../core/i18n/locales";
import type { Role } from "../../core/policies/roles";

export interface InvitationMail {
  to: string;
  workspaceName: string;
  /** Null when the operator made it from the command line: the mail then says "a coordinator". */
  inviterName: string | null;
  role: Role;
  /** The one-time link; the only place the raw token exists besides the owner's screen. */
  link: string;
  expiresAt: Date;
  /** The language the mail is written in: the inviter's (the invitee's is not known yet). */
  locale?: InterfaceLocale;
}

/**
 * What open sign-up sends to an address: a confirmation link when it has no account, and a
 * reminder to sign in when it has one. The page says the same in both cases; only the mailbox's
 * owner learns which it was.
 */
export type SignUpMail =
  | { kind: "confirm"; to: string; locale: InterfaceLocale; link: string; expiresAt: Date }
  | { kind: "existing"; to: string; locale: InterfaceLocale; signInLink: string };

/**
 * Where mail goes. Caucus needs no mail server: without a transport the owner copies invitation
 * links from the screen (and open sign-up cannot be enabled). The transports that deliver (SMTP,
 * a folder of files) are in ./transports.ts, chosen at boot by ./from-env.ts.
 */
export interface Mailer {
  /** False when nothing is sent and the UI must tell the owner to share the link themselves. */
  readonly delivers: boolean;
  sendInvitation(mail: InvitationMail): Promise<void>;
  sendSignUp(mail: SignUpMail): Promise<void>;
}

export const copyLinkMailer: Mailer = {
  delivers: false,
  async sendInvitation() {
    // Nothing to send: the owner shares the link shown once on the members page.
  },
  async sendSignUp() {
    // Never reached: open sign-up refuses to start without a transport that delivers (server/env.ts).
    throw new Error("open sign-up needs a mail transport that delivers");
  },
};
