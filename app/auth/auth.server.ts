import { redirect, type AppLoadContext } from "@remix-run/node";
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "../../core/accounts/login-limits";
import {
  clearFailedAttempts,
  countFailedAttempts,
  recordFailedAttempts,
} from "../../db/queries/login-attempts";
import { createUser, findUserByEmail, normaliseEmail } from "../../db/queries/users";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import {
  clearedSessionCookie,
  createSession,
  readSessionToken,
  sessionCookie,
  validateSessionToken,
  type SessionUser,
  type ValidSession,
} from "./session.server";

/** The signed-in session, or null. Never throws for a missing or stale cookie. */
export async function getSession(request: Request, context: AppLoadContext): Promise<ValidSession | null> {
  const token = readSessionToken(request);
  return token ? validateSessionToken(context.db, token) : null;
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
  const headers = readSessionToken(request) ? { "Set-Cookie": clearedSessionCookie(request, context) } : undefined;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`, { headers });
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

/** Starts a session and sends the browser on with its cookie. */
export async function signInAndRedirect(
  request: Request,
  context: AppLoadContext,
  userId: string,
  to: string,
): Promise<Response> {
  const { token, expiresAt } = await createSession(context.db, userId);
  return redirect(to, { headers: { "Set-Cookie": sessionCookie(request, context, token, expiresAt) } });
}

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks a password under the rate limits. Unknown email and wrong password take the same time
 * and give the same answer; both count against the account and the client's address.
 */
export async function attemptLogin(
  context: AppLoadContext,
  input: { email: string; password: string },
): Promise<LoginResult> {
  const accountKey = `email:${normaliseEmail(input.email)}`;
  const ipKey = `ip:${context.clientIp}`;
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [accountFailures, ipFailures] = await Promise.all([
    countFailedAttempts(context.db, accountKey, since),
    countFailedAttempts(context.db, ipKey, since),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP) {
    return { ok: false, reason: "rate_limited" };
  }
  const user = await findUserByEmail(context.db, input.email);
  const valid = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await recordFailedAttempts(context.db, [accountKey, ipKey]);
    return { ok: false, reason: "invalid" };
  }
  await clearFailedAttempts(context.db, accountKey);
  return { ok: true, userId: user.id };
}

/** Creates an account; returns null when the email is taken. */
export async function registerUser(
  context: AppLoadContext,
  input: { email: string; name: string; password: string },
): Promise<{ id: string } | null> {
  const passwordHash = await hashPassword(input.password);
  const user = await createUser(context.db, { ...input, passwordHash });
  return user ? { id: user.id } : null;
}
