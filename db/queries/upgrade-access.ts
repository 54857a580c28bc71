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

/**
 * The session, its user and their access to one draft in one statement. A collaboration socket's
 * upgrade needs all three, and a reconnect storm (a restart: thousands of upgrades at once) is
 * bound by statements per upgrade, not by their size (issue 23: three round trips became one).
 * `access` is null when the draft does not exist.
 */
export async function findSessionWithDraftAccess(
  db: Executor,
  sessionId: string,
  draftId: string,
): Promise<(SessionWithUser & { access: DraftAccessRow | null }) | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("drafts as d", (join) => join.on("d.id", "=", draftId))
    .leftJoin("memberships as m", (join) => join.onRef("m.workspace_id", "=", "d.workspace_id").onRef("m.user_id", "=", "sessions.user_id"))
    .leftJoin("workspaces as w", "w.id", "d.workspace_id")
    .select([
      ...SESSION_WITH_USER_COLUMNS,
      "d.workspace_id as draftWorkspaceId",
      "d.status as draftStatus",
      "m.role",
      sql<boolean>`coalesce(w.require_two_step, false) and users.totp_enabled_at is null and not exists (select 1 from passkeys where passkeys.user_id = sessions.user_id)`.as(
        "missesTwoStep",
      ),
    ])
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const access =
    row.draftWorkspaceId && row.draftStatus
      ? { workspaceId: row.draftWorkspaceId, status: row.draftStatus, role: row.role ?? null, missesTwoStep: Boolean(row.missesTwoStep) }
      : null;
  return { ...sessionWithUserOf(row), access };
}
