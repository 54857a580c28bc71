import { sql } from "kysely";
import type { Role } from "../../core/policies/roles";
import type { DraftStatus } from "../schema";
import type { Executor } from "./executor";
import { SESSION_WITH_USER_COLUMNS, sessionWithUserOf, type SessionWithUser } from "./sessions";

/** A person's standing on one draft: its workspace and status, their role there (null: none). */
export interface DraftAccessRow {
  workspaceId: string;
  status: DraftStatus;
  role: Role | null;
  /** The workspace requires two-step sign-in and the person has neither an app nor a passkey. */
  missesTwoStep: boolean;
}

export interface UpgradeAccessRequest {
  sessionId: string;
  draftId: string;
}

export type SessionWithDraftAccess = SessionWithUser & { access: DraftAccessRow | null };

/**
 * For each (session, draft) pair: the session, its user and their access to the draft, all pairs
 * in one statement. A collaboration socket's upgrade needs all three, and a reconnect storm (a
 * restart: thousands of upgrades at once) is bound by statements, not by their size (issue 23:
 * three round trips per upgrade became one, then one per batch of upgrades). The answer is aligned
 * with `requests`: undefined where the session does not exist; `access` null where the draft does
 * not exist.
 */
export async function findSessionsWithDraftAccess(
  db: Executor,
  requests: readonly UpgradeAccessRequest[],
): Promise<(SessionWithDraftAccess | undefined)[]> {
  if (requests.length === 0) return [];
  const sessionIds = requests.map((r) => r.sessionId);
  const draftIds = requests.map((r) => r.draftId);
  const rows = await db
    .selectFrom(
      sql<{ session_id: string; draft_id: string; position: string }>`(select * from unnest(${sessionIds}::text[], ${draftIds}::uuid[]) with ordinality as t(session_id, draft_id, position))`.as(
        "request",
      ),
    )
    .innerJoin("sessions", "sessions.id", "request.session_id")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("drafts as d", "d.id", "request.draft_id")
    .leftJoin("memberships as m", (join) => join.onRef("m.workspace_id", "=", "d.workspace_id").onRef("m.user_id", "=", "sessions.user_id"))
    .leftJoin("workspaces as w", "w.id", "d.workspace_id")
    .select([
      "request.position",
      ...SESSION_WITH_USER_COLUMNS,
      "d.workspace_id as draftWorkspaceId",
      "d.status as draftStatus",
      "m.role",
      sql<boolean>`coalesce(w.require_two_step, false) and users.totp_enabled_at is null and not exists (select 1 from passkeys where passkeys.user_id = sessions.user_id)`.as(
        "missesTwoStep",
      ),
    ])
    .execute();
  const found: (SessionWithDraftAccess | undefined)[] = new Array(requests.length).fill(undefined);
  for (const row of rows) {
    const access =
      row.draftWorkspaceId && row.draftStatus
        ? { workspaceId: row.draftWorkspaceId, status: row.draftStatus, role: row.role ?? null, missesTwoStep: Boolean(row.missesTwoStep) }
        : null;
    // `with ordinality` counts from 1 (a bigint: the driver gives it as a string).
    found[Number(row.position) - 1] = { ...sessionWithUserOf(row), access };
  }
  return found;
}
