import { SESSION_GAP_MS } from "./record";

/** A run of log rows with no pause longer than SESSION_GAP_MS: one session of work. */
export interface LogSession {
  /** Row indices [from, to) in the log. */
  from: number;
  to: number;
  startedAt: Date;
  endedAt: Date;
  userIds: string[];
}

/** Splits a draft's update log (in seq order) into sessions of work. */
export function splitSessions(storedAt: readonly Date[], userIds: ReadonlyArray<string | null>): LogSession[] {
  const sessions: LogSession[] = [];
  let current: LogSession | null = null;
  for (let i = 0; i < storedAt.length; i++) {
    const at = storedAt[i]!;
    if (!current || at.getTime() - current.endedAt.getTime() > SESSION_GAP_MS) {
      current = { from: i, to: i, startedAt: at, endedAt: at, userIds: [] };
      sessions.push(current);
    }
    current.to = i + 1;
    // Rows are stored in seq order, not always in time order across nodes.
    if (at > current.endedAt) current.endedAt = at;
    const user = userIds[i];
    if (user && !current.userIds.includes(user)) current.userIds.push(user);
  }
  return sessions;
}
