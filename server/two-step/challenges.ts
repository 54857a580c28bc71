import type { AuthChallengePurpose, AuthChallengeRow } from "../../db/schema";
import type { Executor } from "../../db/queries/executor";
import { findChallenge, insertChallenge, setChallengeWebAuthn, takeChallenge } from "../../db/queries/two-step";
import { generateToken, hashToken } from "../auth/tokens";

/** A pending sign-in lives ten minutes: long enough to find the phone, short enough to be stale soon. */
export const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;

export interface PendingSignIn {
  userId: string | null;
  shared: boolean;
  redirectTo: string;
  webauthnChallenge: string | null;
}

const toPending = (row: AuthChallengeRow): PendingSignIn => ({
  userId: row.user_id,
  shared: row.shared,
  redirectTo: row.redirect_to,
  webauthnChallenge: row.webauthn_challenge,
});

/**
 * Between the password and the second step (or the passkey prompt and its answer): a random
 * token for an HttpOnly cookie, only its hash in the table, as for sessions.
 */
export async function openChallenge(
  db: Executor,
  input: { userId: string | null; purpose: AuthChallengePurpose; shared: boolean; redirectTo: string; webauthnChallenge?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + CHALLENGE_LIFETIME_MS);
  await insertChallenge(db, {
    id: hashToken(token),
    userId: input.userId,
    purpose: input.purpose,
    webauthnChallenge: input.webauthnChallenge ?? null,
    shared: input.shared,
    redirectTo: input.redirectTo,
    expiresAt,
  });
  return { token, expiresAt };
}

export async function peekChallenge(db: Executor, token: string, purpose: AuthChallengePurpose): Promise<PendingSignIn | null> {
  const row = await findChallenge(db, hashToken(token), purpose);
  return row ? toPending(row) : null;
}

export async function attachWebAuthnChallenge(db: Executor, token: string, challenge: string): Promise<void> {
  await setChallengeWebAuthn(db, hashToken(token), challenge);
}

/** Removes the challenge and returns it: whoever gets it is the only one to go on. */
export async function consumeChallenge(db: Executor, token: string, purpose: AuthChallengePurpose): Promise<PendingSignIn | null> {
  const row = await takeChallenge(db, hashToken(token), purpose);
  return row ? toPending(row) : null;
}
