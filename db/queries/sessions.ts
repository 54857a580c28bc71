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

export async function findSessionWithUser(db: Executor, sessionId: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
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
    ])
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
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
