import type { Kysely } from "kysely";
import type { Database, SignInMethod } from "../../db/schema";
import { createSignInNotification } from "../../db/queries/notifications";
import {
  deleteSession,
  deleteUserSession,
  deleteUserSessions,
  extendSession,
  findSessionWithUser,
  insertSession,
  listUserSessions,
  touchSession,
  type SessionListRow,
  type SessionWithUser,
} from "../../db/queries/sessions";
import { statementBatcher } from "../../db/queries/batching";
import { findSessionsWithDraftAccess, type DraftAccessRow, type UpgradeAccessRequest } from "../../db/queries/upgrade-access";
import { generateToken, hashToken } from "./tokens";

export { SESSION_COOKIE, readSessionTokenFromCookies } from "../../core/accounts/session-cookie";

/**
 * Sessions after Lucia's current guide: a random token in the cookie, its SHA-256 in the table.
 * Shared by the auth service (service.ts, what the HTTP routes call) and the collaboration
 * socket upgrade (server/collab).
 */
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Sliding expiry: a session used in its second half is pushed back to a full lifetime. */
const RENEW_WHEN_REMAINING_MS = SESSION_LIFETIME_MS / 2;
/** "Last seen" is approximate: one write per session every few minutes, not one per request. */
export const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

type Db = Kysely<Database>;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** The interface language the person chose; null follows the browser (issue 19). */
  locale: string | null;
  /** "latn" or "arab": digits for an Arabic interface. */
  numerals: string;
}

/** What a new session records about the device it was started on (never an IP address). */
export interface SessionMeta {
  /** The request's User-Agent header; stored cut to 256 characters. */
  userAgent: string | null;
  /** "This is a shared computer": the browser keeps no offline copy of any draft. */
  shared: boolean;
  method: SignInMethod;
  /**
   * The same device signing in again (after changing its password, which ends every session):
   * not a new sign-in to tell the person about.
   */
  sameDevice?: boolean;
}

export const USER_AGENT_MAX = 256;

export interface ValidSession {
  sessionId: string;
  /** The person said this is a shared computer: no offline copy is kept (issue 22). */
  shared: boolean;
  user: SessionUser;
  expiresAt: Date;
  /** True when this request extended the session (the cookie should be refreshed too). */
  renewed: boolean;
}

/**
 * A new session, and (in the same transaction) the notification that tells the person about it:
 * "New sign-in: Firefox on Windows — not you?". Not for a new account's first session (sign-up),
 * nor for the same device signing in again after a password change.
 */
export async function createSession(db: Db, userId: string, meta: SessionMeta): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  const sessionId = hashToken(token);
  const userAgent = meta.userAgent?.slice(0, USER_AGENT_MAX) ?? null;
  const notify = meta.method !== "sign-up" && !meta.sameDevice;
  const write = async (tx: Db) => {
    await insertSession(tx, { id: sessionId, user_id: userId, expires_at: expiresAt, user_agent: userAgent, shared: meta.shared, method: meta.method });
    if (notify) await createSignInNotification(tx, { userId, device: userAgent, method: meta.method });
  };
  // A caller already in a transaction (Kysely cannot nest them) writes within it.
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
  return { token, expiresAt, sessionId };
}

export type { SessionListRow };

/** The person's signed-in devices for the Account page (no IP address is stored, so none is shown). */
export function listSessions(db: Db, userId: string): Promise<SessionListRow[]> {
  return listUserSessions(db, userId);
}

/** Ends one of the person's own sessions; false when the id is not one of theirs. */
export async function endOwnSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  return (await deleteUserSession(db, userId, sessionId)) > 0;
}

export async function validateSessionToken(db: Db, token: string): Promise<ValidSession | null> {
  const sessionId = hashToken(token);
  const found = await findSessionWithUser(db, sessionId);
  return found ? settleSession(db, found) : null;
}

/**
 * Validates sessions for collaboration upgrades: the session and, read in the same statement, its
 * user's access to one draft. Concurrent upgrades share one statement (`statementBatcher`): a
 * reconnect storm is thousands of them at once (issue 23).
 */
export function sessionForDraftValidator(db: Db): (token: string, draftId: string) => Promise<{ session: ValidSession; access: DraftAccessRow | null } | null> {
  const find = statementBatcher((requests: readonly UpgradeAccessRequest[]) => findSessionsWithDraftAccess(db, requests), { maxBatchSize: 256 });
  return async (token, draftId) => {
    const found = await find({ sessionId: hashToken(token), draftId });
    const session = found ? await settleSession(db, found) : null;
    return session && found ? { session, access: found.access } : null;
  };
}

/** An expired session is deleted; a live one has its last-seen time and expiry moved on as due. */
async function settleSession(db: Db, found: SessionWithUser): Promise<ValidSession | null> {
  const sessionId = found.session.id;
  const now = Date.now();
  if (found.session.expires_at.getTime() <= now) {
    await deleteSession(db, sessionId);
    return null;
  }
  if (now - found.session.last_seen_at.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await touchSession(db, sessionId, new Date(now), new Date(now - LAST_SEEN_RESOLUTION_MS));
  }
  let expiresAt = found.session.expires_at;
  const renewed = expiresAt.getTime() - now < RENEW_WHEN_REMAINING_MS;
  if (renewed) {
    expiresAt = new Date(now + SESSION_LIFETIME_MS);
    await extendSession(db, sessionId, expiresAt);
  }
  return { sessionId, shared: found.session.shared, user: found.user, expiresAt, renewed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
  await deleteUserSessions(db, userId);
}
