import type { AppLoadContext } from "@remix-run/node";
import { readSessionTokenFromCookies, SESSION_COOKIE } from "../../core/accounts/session-cookie";

export type { SessionUser, ValidSession } from "../../server/auth/service";

export function readSessionToken(request: Request): string | null {
  return readSessionTokenFromCookies(request.headers.get("cookie"));
}

/** Secure whenever the public origin is https, so a proxy terminating TLS still gets it right. */
function isSecure(request: Request, context: AppLoadContext): boolean {
  const origin = context.publicOrigin ?? new URL(request.url).origin;
  return origin.startsWith("https:");
}

export function sessionCookie(request: Request, context: AppLoadContext, token: string, expiresAt: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return cookie(request, context, `${SESSION_COOKIE}=${token}; Max-Age=${maxAge}`);
}

export function clearedSessionCookie(request: Request, context: AppLoadContext): string {
  return cookie(request, context, `${SESSION_COOKIE}=; Max-Age=0`);
}

function cookie(request: Request, context: AppLoadContext, head: string): string {
  return `${head}; Path=/; HttpOnly; SameSite=Lax${isSecure(request, context) ? "; Secure" : ""}`;
}
