import { redirect, type AppLoadContext } from "@remix-run/node";
import type { SignInMethod } from "../../db/schema";
import {
  clearedSessionCookie,
  readSessionToken,
  sessionCookie,
  type SessionUser,
  type ValidSession,
} from "./session.server";

/** The signed-in session, or null. Never throws for a missing or stale cookie. */
export async function getSession(request: Request, context: AppLoadContext): Promise<ValidSession | null> {
  const token = readSessionToken(request);
  return token ? context.services.auth.validateSession(token) : null;
}

export async function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  return (await getSession(request, context))?.user ?? null;
}

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  return (await requireSession(request, context)).user;
}

export async function requireSession(request: Request, context: AppLoadContext): Promise<ValidSession> {
  const session = await getSession(request, context);
  if (session) return session;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  // A cookie for a session that ended (signed out from another device, or removed): forget it all.
  const headers = readSessionToken(request) ? signedOutHeaders(request, context) : undefined;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`, { headers });
}

/**
 * What a browser is sent when its session ends: the cookie cleared, and Clear-Site-Data so it
 * deletes what it holds for Caucus (the drafts' offline copies in IndexedDB, cached pages). The
 * page it lands on deletes them too, for browsers that ignore the header (app/account/forget-browser-data.ts).
 */
export function signedOutHeaders(request: Request, context: AppLoadContext): Headers {
  const headers = new Headers();
  headers.append("Set-Cookie", clearedSessionCookie(request, context));
  headers.set("Clear-Site-Data", CLEAR_SITE_DATA);
  return headers;
}

/** Cookies stay (the language choice is one): only what holds drafts' words. */
export const CLEAR_SITE_DATA = '"cache", "storage"';

/**
 * The headers every page's root loader sends about the session: a pushed-back cookie when the
 * session was renewed (sliding expiry), and the signed-out headers when the cookie names a
 * session that has ended, so a browser signed out from elsewhere forgets on any page it reaches.
 */
export function sessionHeaders(request: Request, context: AppLoadContext, session: ValidSession | null): Headers | undefined {
  const token = readSessionToken(request);
  if (!token) return undefined;
  if (!session) return signedOutHeaders(request, context);
  if (session.renewed) return new Headers({ "Set-Cookie": sessionCookie(request, context, token, session.expiresAt) });
  return undefined;
}

/** Sign-in and sign-up pages send signed-in people on. */
export async function requireAnonymous(request: Request, context: AppLoadContext): Promise<void> {
  if (await getSession(request, context)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
}

/** Only same-site paths: `//evil.example` and absolute URLs would make an open redirect. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/workspaces"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** How this sign-in happened, and whether the person said the computer is shared. */
export interface SignIn {
  method: SignInMethod;
  shared: boolean;
  /** This device signing in again (after a password change): not a new sign-in to notify. */
  sameDevice?: boolean;
}

/** Starts a session (recording the browser, never the address) and sends the browser on with its cookie. */
export async function signInAndRedirect(
  request: Request,
  context: AppLoadContext,
  userId: string,
  to: string,
  signIn: SignIn,
): Promise<Response> {
  const { token, expiresAt } = await context.services.auth.startSession(userId, {
    userAgent: request.headers.get("user-agent"),
    shared: signIn.shared,
    method: signIn.method,
    sameDevice: signIn.sameDevice,
  });
  return redirect(to, { headers: { "Set-Cookie": sessionCookie(request, context, token, expiresAt) } });
}
