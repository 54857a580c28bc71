import type { Kysely } from "kysely";
import type { RecommendationRecord } from "../../core/library/records";
import { recordAudit } from "../../db/queries/audit";
import type { Executor } from "../../db/queries/executor";
import { deleteWorkspaceRecommendation, findRecommendations, RECORD_COLUMNS, toRecommendationRecord } from "../../db/queries/library-recommendations";
import type { Database } from "../../db/schema";

export type DeleteOutcome = { status: "deleted"; record: RecommendationRecord } | { status: "not-found" } | { status: "shared" };

/**
 * Deletes one of the coalition's own recommendations and audits it, in one transaction. A
 * shared-library record is refused (it is changed by operators, not from the app); a record
 * the workspace cannot see, or one already gone, is "not-found".
 */
export async function deleteCoalitionRecommendation(
  db: Kysely<Database>,
  actor: { userId: string; workspaceId: string },
  recommendationId: string,
): Promise<DeleteOutcome> {
  return db.transaction().execute(async (tx) => {
    const [record] = await findRecommendations(tx, actor.workspaceId, [recommendationId]);
    if (!record) return { status: "not-found" as const };
    if (record.workspaceId !== actor.workspaceId) return { status: "shared" as const };
    if (!(await deleteWorkspaceRecommendation(tx, actor.workspaceId, recommendationId))) return { status: "not-found" as const };
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "library.recommendation_deleted",
      targetType: "recommendation",
      targetId: recommendationId,
      details: { symbol: record.symbol, paragraph: record.paragraph, text: record.text.slice(0, 200) },
    });
    return { status: "deleted" as const, record };
  });
}

/**
 * Every recommendation of one coalition's own library, for export, in reading order. Here
 * rather than in db/queries/library-recommendations.ts only because that file belongs to
 * another change; it is a plain query over the same columns and row mapping.
 */
export async function listCoalitionRecommendations(db: Executor, workspaceId: string): Promise<RecommendationRecord[]> {
  const rows = await db
    .selectFrom("recommendations")
    .select(RECORD_COLUMNS)
    .where("workspace_id", "=", workspaceId)
    .orderBy("symbol")
    .orderBy("paragraph")
    .orderBy("id")
    .execute();
  return rows.map(toRecommendationRecord);
}
