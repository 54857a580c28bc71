import { startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import type { Message } from "../../core/i18n/message";

/** What the passkey routes answer (login_.passkey.ts, account_.two-step_.passkey.ts). */
export type PasskeyAnswer = { ok: true; options?: unknown; redirectTo?: string; token?: string } | { ok: false; error: Message };

const FAILED: Message = { id: "twoStep.passkey.failed" };
const CANCELLED: Message = { id: "twoStep.passkey.cancelled" };

/** POSTs a form to one of our passkey routes; a network failure or a page instead of JSON is a plain failure. */
export async function postPasskeyRoute(path: string, fields: Record<string, string>): Promise<PasskeyAnswer> {
  try {
    const response = await fetch(path, { method: "POST", body: new URLSearchParams(fields), credentials: "same-origin" });
    return (await response.json()) as PasskeyAnswer;
  } catch {
    return { ok: false, error: FAILED };
  }
}

/** The browser's passkey prompt for signing in; its answer as JSON, or why there is none. */
export async function askForPasskey(options: unknown): Promise<{ ok: true; json: string } | { ok: false; error: Message }> {
  try {
    const answer = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
    return { ok: true, json: JSON.stringify(answer) };
  } catch (error) {
    return { ok: false, error: cancelled(error) ? CANCELLED : FAILED };
  }
}

/** The browser's prompt to make a passkey; its answer as JSON, or why there is none. */
export async function makePasskey(options: unknown): Promise<{ ok: true; json: string } | { ok: false; error: Message }> {
  try {
    const answer = await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON });
    return { ok: true, json: JSON.stringify(answer) };
  } catch (error) {
    return { ok: false, error: cancelled(error) ? CANCELLED : FAILED };
  }
}

// The person closed the prompt (or it timed out): say so, rather than "something went wrong".
const cancelled = (error: unknown) => (error instanceof Error && error.name === "NotAllowedError") || (error instanceof WebAuthnError && error.code === "ERROR_CEREMONY_ABORTED");
