import type { Kysely } from "kysely";
import type { InterfaceLocale } from "../../core/i18n/locales";
import { isInterfaceLocale } from "../../core/i18n/locales";
import {
  createSignUpConfirmation,
  findSignUpConfirmation,
  findSignUpConfirmationForUpdate,
  markSignUpConfirmationUsed,
} from "../../db/queries/registration";
import { createUser, findUserByEmail, normaliseEmail } from "../../db/queries/users";
import type { Database, SignUpConfirmation } from "../../db/schema";
import { hashPassword } from "../auth/password";
import { generateToken, hashToken } from "../auth/tokens";
import type { Mailer } from "../mail/mailer";

/** How long a mailed sign-up link works: long enough for a slow inbox, short for a leaked one. */
export const CONFIRMATION_LIFETIME_MS = 24 * 60 * 60 * 1000;

const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

export type ConfirmationState = "valid" | "expired" | "used" | "unknown";

function stateOf(row: SignUpConfirmation | undefined, now = Date.now()): ConfirmationState {
  if (!row) return "unknown";
  if (row.used_at) return "used";
  if (row.expires_at.getTime() <= now) return "expired";
  return "valid";
}

/**
 * Mails the address what it needs, never telling the requester which case it was: a one-time
 * link to create the account when the address has none, else a note to sign in. The caller runs
 * this after answering, so neither the answer nor its timing depends on the address.
 */
export async function mailSignUp(
  { db, mailer }: { db: Kysely<Database>; mailer: Mailer },
  input: { email: string; locale: InterfaceLocale; origin: string },
): Promise<void> {
  const email = normaliseEmail(input.email);
  const existing = await findUserByEmail(db, email);
  if (existing) {
    const locale = isInterfaceLocale(existing.locale) ? existing.locale : input.locale;
    await mailer.sendSignUp({ kind: "existing", to: email, locale, signInLink: `${input.origin}/login` });
    return;
  }
  const token = generateToken();
  const expiresAt = new Date(Date.now() + CONFIRMATION_LIFETIME_MS);
  await createSignUpConfirmation(db, { email, tokenHash: hashToken(token), expiresAt });
  await mailer.sendSignUp({ kind: "confirm", to: email, locale: input.locale, link: `${input.origin}/signup/confirm/${token}`, expiresAt });
}

export type ConfirmationView = { state: "valid"; email: string } | { state: Exclude<ConfirmationState, "valid">; email: null };

/** The address a mailed link confirms, or why the link is no good. */
export async function describeConfirmation(db: Kysely<Database>, token: string | undefined): Promise<ConfirmationView> {
  if (!token || !TOKEN_SHAPE.test(token)) return { state: "unknown", email: null };
  const row = await findSignUpConfirmation(db, hashToken(token));
  const state = stateOf(row);
  return state === "valid" && row ? { state, email: row.email } : { state: state === "valid" ? "unknown" : state, email: null };
}

export type ConfirmResult = { ok: true; userId: string } | { ok: false; reason: Exclude<ConfirmationState, "valid"> | "has_account" };

/**
 * Creates the account from a mailed link: checked before the costly hash, then locked, created and
 * spent in one transaction, so a link opened in two tabs makes one account.
 */
export async function confirmSignUp(db: Kysely<Database>, input: { token: string; name: string; password: string }): Promise<ConfirmResult> {
  const before = await describeConfirmation(db, input.token);
  if (before.state !== "valid") return { ok: false, reason: before.state };
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx): Promise<ConfirmResult> => {
    const row = await findSignUpConfirmationForUpdate(tx, hashToken(input.token));
    const state = stateOf(row);
    if (state !== "valid" || !row) return { ok: false, reason: state === "valid" ? "unknown" : state };
    await markSignUpConfirmationUsed(tx, row.id);
    // An invitation or the operator may have made the account since the mail left.
    const user = await createUser(tx, { email: row.email, name: input.name, passwordHash });
    if (!user) return { ok: false, reason: "has_account" };
    return { ok: true, userId: user.id };
  });
}
