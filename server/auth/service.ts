import type { InterfaceLocale, Numerals } from "../../core/i18n/locales";
import { readableDraftIds } from "../../db/queries/offline-copies";
import { updateUserPreferences } from "../../db/queries/users";
import type { ServiceDeps } from "../services";
import { attemptLogin, changePassword } from "./accounts";
import { busyAsHttp } from "./hash-gate";
import {
  createSession,
  endOwnSession,
  invalidateSession,
  invalidateUserSessions,
  listSessions,
  validateSessionToken,
  type SessionMeta,
} from "./sessions";

export type { LoginResult, PasswordChange } from "./accounts";
export type { SessionListRow, SessionMeta, SessionUser, ValidSession } from "./sessions";

/**
 * Accounts and sessions. The routes read and write the cookie (app/auth/*.server.ts); this
 * decides who is signed in, checks passwords under the rate limits, and ends sessions, closing
 * the sockets they opened.
 */
export function createAuthService({ db, collab, limits }: Pick<ServiceDeps, "db" | "collab" | "limits">) {
  return {
    /** The session a cookie's token stands for (renewed when in its second half), or null. */
    validateSession: (token: string) => validateSessionToken(db, token),

    /** A new session for the user: the token goes into the cookie, only its hash is stored. */
    startSession: (userId: string, meta: SessionMeta) => createSession(db, userId, meta),

    /** Signs one session out; the user's open editors are re-checked within a second. */
    async endSession(session: { sessionId: string; userId: string }): Promise<void> {
      await invalidateSession(db, session.sessionId);
      await collab.revalidate({ userId: session.userId });
    },

    /** The person's signed-in devices (browser, how, when; never an address). */
    sessions: (userId: string) => listSessions(db, userId),

    /**
     * Signs out one of the person's own devices (false: not theirs, or already gone). Its open
     * editors close within a second; that browser clears what it kept when it next reaches Caucus.
     */
    async endOwnSession(userId: string, sessionId: string): Promise<boolean> {
      const ended = await endOwnSession(db, userId, sessionId);
      if (ended) await collab.revalidate({ userId });
      return ended;
    },

    /**
     * Of the drafts a browser keeps offline copies of, those the person may still read: the
     * browser deletes the others (an owner removed the person, or the draft is gone).
     */
    readableOfflineCopies: (userId: string, draftIds: readonly string[]) => readableDraftIds(db, userId, draftIds),

    /** Signs the user out on every device, this one included. */
    async endAllSessions(userId: string): Promise<void> {
      await invalidateUserSessions(db, userId);
      await collab.revalidate({ userId });
    },

    /** Checks a password under the rate limits (per account and per client address). */
    attemptLogin: (input: { email: string; password: string; clientIp: string }) => busyAsHttp(() => attemptLogin(db, limits, input)),

    /** Changes the password and ends every session of the user (the caller starts a new one). */
    async changePassword(userId: string, input: { currentPassword: string; newPassword: string }) {
      const result = await busyAsHttp(() => changePassword(db, limits, userId, input));
      if (result.ok) await collab.revalidate({ userId });
      return result;
    },

    /** The interface language the person reads (null: the browser's) and the digits for Arabic. */
    setPreferences: (userId: string, preferences: { locale: InterfaceLocale | null; numerals: Numerals }) =>
      updateUserPreferences(db, userId, preferences),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
