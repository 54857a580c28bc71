import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { deleteExpiredSessions } from "../db/queries/sessions";
import { deleteExpiredSignUpConfirmations } from "../db/queries/registration";
import type { Logger } from "./logger";

const EVERY_MS = 60 * 60 * 1000;

/**
 * Hourly clean-up of expired sessions and sign-up links; returns a stop function. Attempt limits
 * expire in their own store (server/limits/stores.ts).
 */
export function startHousekeeping(db: Kysely<Database>, log: Logger): () => void {
  const run = async () => {
    try {
      await deleteExpiredSessions(db);
      await deleteExpiredSignUpConfirmations(db);
    } catch (error) {
      log.warn("housekeeping failed; will retry next hour", { error: String(error) });
    }
  };
  const timer = setInterval(() => void run(), EVERY_MS); // run() logs its own failure
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
