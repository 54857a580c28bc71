import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { PasskeyRow } from "../../db/schema";

export type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON };

const RP_NAME = "Caucus";
/** The browser's own timeout for the passkey prompt; the challenge row lives ten minutes. */
const PROMPT_TIMEOUT_MS = 120_000;

/** The relying party is the site people see: its host names the passkeys, its origin is checked. */
export function relyingParty(origin: string): { rpID: string; origin: string } {
  return { rpID: new URL(origin).hostname, origin };
}

// Stored as the browser reported them at registration (checked there), so the cast is safe.
const transportsOf = (row: PasskeyRow) => (row.transports ? (row.transports.split(",") as AuthenticatorTransportFuture[]) : undefined);

export function registrationOptions(
  origin: string,
  user: { id: string; email: string; name: string },
  existing: PasskeyRow[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: relyingParty(origin).rpID,
    userName: user.email,
    userDisplayName: user.name,
    // The account id as the user handle: stable, and no address or name inside it.
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    timeout: PROMPT_TIMEOUT_MS,
    excludeCredentials: existing.map((row) => ({ id: row.id, transports: transportsOf(row) })),
    // Resident (discoverable): the passkey alone names the account, so it can sign in without an e-mail.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

export async function verifyRegistration(origin: string, expectedChallenge: string, response: RegistrationResponseJSON) {
  const rp = relyingParty(origin);
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
    return result.verified ? result.registrationInfo : null;
  } catch {
    // A malformed or forged response is a refusal like any other, not a server error.
    return null;
  }
}

/** Options for the prompt; `allowed` empty means any passkey of this site (a username-less sign-in). */
export function authenticationOptions(origin: string, allowed: PasskeyRow[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: relyingParty(origin).rpID,
    timeout: PROMPT_TIMEOUT_MS,
    allowCredentials: allowed.map((row) => ({ id: row.id, transports: transportsOf(row) })),
    // A passkey that stands in for password and code must prove the person (PIN, fingerprint), not only presence.
    userVerification: "required",
  });
}

export async function verifyAuthentication(origin: string, expectedChallenge: string, response: AuthenticationResponseJSON, passkey: PasskeyRow) {
  const rp = relyingParty(origin);
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: { id: passkey.id, publicKey: new Uint8Array(passkey.public_key), counter: Number(passkey.counter), transports: transportsOf(passkey) },
      requireUserVerification: true,
    });
    return result.verified ? result.authenticationInfo : null;
  } catch {
    return null;
  }
}
