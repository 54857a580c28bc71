import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { pruneFailedAttempts } from "../db/queries/login-attempts";
import { deleteExpiredSessions } from "../db/queries/sessions";
import { deleteExpiredSignUpConfirmations } from "../db/queries/registration";
import { LOGIN_WINDOW_MS } from "../core/accounts/login-limits";
import type { Logger } from "./logger";

const EVERY_MS = 60 * 60 * 1000;

/** Hourly clean-up of expired sessions, sign-up links and stale login attempts; returns a stop function. */
export function startHousekeeping(db: Kysely<Database>, log: Logger): () => void {
  const run = async () => {
    try {
      await deleteExpiredSessions(db);
      await deleteExpiredSignUpConfirmations(db);
      await pruneFailedAttempts(db, new Date(Date.now() - LOGIN_WINDOW_MS));
    } catch (error) {
      log.warn("housekeeping failed; will retry next hour", { error: String(error) });
    }
  };
  const timer = setInterval(() => void run(), EVERY_MS); // run() logs its own failure
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
