import type { Draft, NewDraft } from "../schema";
import type { Executor } from "./executor";

export async function listDrafts(db: Executor, workspaceId: string): Promise<Draft[]> {
  return db
    .selectFrom("drafts")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("updated_at", "desc")
    .execute();
}

/** A draft by id alone: callers must still check the workspace membership before using it. */
export async function findDraft(db: Executor, id: string): Promise<Draft | undefined> {
  return db.selectFrom("drafts").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function createDraft(db: Executor, input: NewDraft): Promise<Draft> {
  return db.insertInto("drafts").values(input).returningAll().executeTakeFirstOrThrow();
}
