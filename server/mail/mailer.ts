import type { Role } from "../../core/policies/roles";

export interface InvitationMail {
  to: string;
  workspaceName: string;
  inviterName: string;
  role: Role;
  /** The one-time link; the only place the raw token exists besides the owner's screen. */
  link: string;
  expiresAt: Date;
}

/**
 * Where invitations go. Caucus needs no mail server: without a transport the owner copies the
 * link from the screen. A real transport (SMTP, an API) implements this and is passed in at boot.
 */
export interface Mailer {
  /** False when nothing is sent and the UI must tell the owner to share the link themselves. */
  readonly delivers: boolean;
  sendInvitation(mail: InvitationMail): Promise<void>;
}

export const copyLinkMailer: Mailer = {
  delivers: false,
  async sendInvitation() {
    // Nothing to send: the owner shares the link shown once on the members page.
  },
};
