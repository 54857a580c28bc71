import type { Insertable } from "kysely";
import type { Session, SessionsTable } from "../schema";
import type { Executor } from "./executor";

export interface SessionWithUser {
  session: Session;
  user: { id: string; email: string; name: string; locale: string | null; numerals: string };
}

export async function insertSession(db: Executor, session: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

/** The columns a session with its user is read from; shared with upgrade-access.ts. */
export const SESSION_WITH_USER_COLUMNS = [
  "sessions.id",
  "sessions.user_id",
  "sessions.expires_at",
  "sessions.created_at",
  "sessions.user_agent",
  "sessions.shared",
  "sessions.method",
  "sessions.last_seen_at",
  "users.email",
  "users.name",
  "users.locale",
  "users.numerals",
] as const;

type SessionWithUserRow = Session & { email: string; name: string; locale: string | null; numerals: string };

export function sessionWithUserOf(row: SessionWithUserRow): SessionWithUser {
  return {
    session: {
      id: row.id,
      user_id: row.user_id,
      expires_at: row.expires_at,
      created_at: row.created_at,
      user_agent: row.user_agent,
      shared: row.shared,
      method: row.method,
      last_seen_at: row.last_seen_at,
    },
    user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale, numerals: row.numerals },
  };
}

export async function findSessionWithUser(db: Executor, sessionId: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(SESSION_WITH_USER_COLUMNS)
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
  return row ? sessionWithUserOf(row) : undefined;
}

export async function extendSession(db: Executor, sessionId: string, expiresAt: Date): Promise<void> {
  await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Signs a user out everywhere; `exceptSessionId` keeps the caller's own session. */
export async function deleteUserSessions(db: Executor, userId: string, exceptSessionId?: string): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptSessionId) query = query.where("id", "!=", exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Executor, now = new Date()): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}

/** What the Account page shows of one session: the browser, how and when, never an address. */
export interface SessionListRow {
  id: string;
  userAgent: string | null;
  shared: boolean;
  method: Session["method"];
  createdAt: Date;
  lastSeenAt: Date;
}

/** The person's live sessions, the most recently used first. */
export async function listUserSessions(db: Executor, userId: string, now = new Date()): Promise<SessionListRow[]> {
  return db
    .selectFrom("sessions")
    .select(["id", "user_agent as userAgent", "shared", "method", "created_at as createdAt", "last_seen_at as lastSeenAt"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .orderBy("created_at", "desc")
    .execute();
}

/** Ends one of the person's sessions; 0 when the id is not theirs (or already gone). */
export async function deleteUserSession(db: Executor, userId: string, sessionId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("id", "=", sessionId).where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Records use, unless a recent request already did (the where keeps concurrent requests to one write). */
export async function touchSession(db: Executor, sessionId: string, now: Date, unlessSince: Date): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", sessionId).where("last_seen_at", "<", unlessSince).execute();
}
