import type { AppLoadContext } from "@remix-run/node";

/**
 * The pending sign-in's token (between the password and the second step, or the passkey prompt
 * and its answer): HttpOnly, ten minutes, only its hash stored. Its own cookie, not the session's:
 * it signs nobody in.
 */
export const CHALLENGE_COOKIE = "caucus_sign_in";

export function readChallengeToken(request: Request): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    // The token is base32, 32 characters (server/auth/tokens.ts); anything else is not ours.
    if (name === CHALLENGE_COOKIE) return /^[a-z2-7]{32}$/.test(rest.join("=")) ? rest.join("=") : null;
  }
  return null;
}

/** The origin people see: ORIGIN when set, else the request's own. WebAuthn checks against it. */
export function publicOrigin(request: Request, context: AppLoadContext): string {
  return context.publicOrigin ?? new URL(request.url).origin;
}

function secure(request: Request, context: AppLoadContext): string {
  return publicOrigin(request, context).startsWith("https:") ? "; Secure" : "";
}

export function challengeCookie(request: Request, context: AppLoadContext, token: string, expiresAt: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${CHALLENGE_COOKIE}=${token}; Max-Age=${maxAge}; Path=/login; HttpOnly; SameSite=Strict${secure(request, context)}`;
}

export function clearedChallengeCookie(request: Request, context: AppLoadContext): string {
  return `${CHALLENGE_COOKIE}=; Max-Age=0; Path=/login; HttpOnly; SameSite=Strict${secure(request, context)}`;
}
