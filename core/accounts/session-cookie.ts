/**
 * The session cookie's name and how a token is read from a Cookie header: the HTTP routes
 * (app/auth/session.server.ts) and the collaboration socket upgrade (server/auth/sessions.ts)
 * both read it, so it lives here, with no server code behind it.
 */
export const SESSION_COOKIE = "caucus_session";

/** The session token in a Cookie header, only when well-formed (base32, 32 characters). */
export function readSessionTokenFromCookies(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      // Anything else was not set by us and is not worth a database query.
      return /^[a-z2-7]{32}$/.test(value) ? value : null;
    }
  }
  return null;
}
