import { busyAsHttp } from "../auth/hash-gate";
import type { InterfaceLocale } from "../../core/i18n/locales";
import { hasAnyUser } from "../../db/queries/registration";
import type { LimitOutcome } from "../limits/limits";
import type { ServiceDeps } from "../services";
import { createFirstAccount, type NewAccount } from "./first-account";
import { describeInvitationSignUp, signUpFromInvitation } from "./invitation-sign-up";
import { confirmSignUp, describeConfirmation, mailSignUp } from "./open-sign-up";

export type { ConfirmResult, ConfirmationView } from "./open-sign-up";
export type { FirstAccountResult } from "./first-account";
export type { InvitationSignUpResult, InvitationSignUpView } from "./invitation-sign-up";

/** Who may create an account once one exists (SIGNUP): invitees only, or anyone who confirms their address. */
export type SignUpSetting = "invitation" | "open";

/** What /signup offers right now: the first account of a fresh install, open sign-up, or invitations only. */
export type SignUpMode = "first" | "open" | "invitation";

type Refused = { ok: false; reason: "rate_limited"; retryAfterMs: number };

/**
 * Creating accounts (issue 22). By default only an invitation makes one, except on a fresh install
 * whose first visitor makes the first; SIGNUP=open lets anyone sign up by confirming their address
 * through a mailed link. No answer here tells a visitor whether an address has an account.
 */
export function createRegistrationService({ db, mailer, limits, log, signUp = "invitation" }: Pick<ServiceDeps, "db" | "mailer" | "limits" | "log" | "signUp">) {
  // Once an account exists it stays so: no query per page view after that.
  let someoneHasAnAccount = false;
  const inFlight = new Set<Promise<void>>();

  async function noAccountYet(): Promise<boolean> {
    if (someoneHasAnAccount) return false;
    someoneHasAnAccount = await hasAnyUser(db);
    return !someoneHasAnAccount;
  }

  /** One attempt per client address, before any password is hashed or mail is sent. */
  async function spend(key: string): Promise<LimitOutcome> {
    return limits.consume("sign-up", key);
  }

  const refused = (outcome: Extract<LimitOutcome, { ok: false }>): Refused => ({ ok: false, reason: "rate_limited", retryAfterMs: outcome.retryAfterMs });

  return {
    /** What /signup offers now; open sign-up only with a transport that delivers (the server checks at boot). */
    async mode(): Promise<SignUpMode> {
      if (await noAccountYet()) return "first";
      return signUp === "open" && mailer.delivers ? "open" : "invitation";
    },

    /** The first visitor of a fresh install makes the first account; refused once anyone has one. */
    async createFirstAccount(input: NewAccount, clientIp: string) {
      const spent = await spend(clientIp);
      if (!spent.ok) return refused(spent);
      const result = await busyAsHttp(() => createFirstAccount(db, input));
      someoneHasAnAccount = true;
      return result;
    },

    /** The invitation behind a link, as the sign-up page shows it, and whether its address has an account. */
    describeInvitation: (token: string | undefined) => describeInvitationSignUp(db, token),

    /** Creates the invited account and joins its workspace, in one transaction. */
    async signUpFromInvitation(input: { token: string; name: string; password: string }, clientIp: string) {
      const spent = await spend(clientIp);
      if (!spent.ok) return refused(spent);
      const result = await busyAsHttp(() => signUpFromInvitation(db, input));
      if (result.ok) someoneHasAnAccount = true;
      return result;
    },

    /**
     * Open sign-up's first step: answers at once, the same for every address, and mails in the
     * background (a link to create the account, or a note to sign in). Limited per client address
     * and per address asked for, so nobody floods someone's inbox.
     */
    async requestOpenSignUp(input: { email: string; locale: InterfaceLocale; origin: string }, clientIp: string): Promise<{ ok: true } | Refused> {
      const spent = await spend(clientIp);
      if (!spent.ok) return refused(spent);
      const forAddress = await spend(`address:${input.email.trim().toLowerCase()}`);
      // Over the address's limit the answer stays the same; only the mail is not sent again.
      if (!forAddress.ok) return { ok: true };
      const sending: Promise<void> = mailSignUp({ db, mailer }, input)
        .catch((error: Error) => log.warn("sign-up mail not sent", { error: error.message }))
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      return { ok: true };
    },

    /** Resolves when every sign-up mail asked for so far has been handed to the transport (tests, shutdown). */
    async settled(): Promise<void> {
      await Promise.all([...inFlight]);
    },

    /** The address a mailed link confirms, or why it is no good. */
    describeConfirmation: (token: string | undefined) => describeConfirmation(db, token),

    /** Creates the account from a mailed link (once). */
    async confirmSignUp(input: { token: string; name: string; password: string }) {
      const result = await busyAsHttp(() => confirmSignUp(db, input));
      if (result.ok) someoneHasAnAccount = true;
      return result;
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
