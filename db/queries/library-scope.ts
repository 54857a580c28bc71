import type { ExpressionBuilder } from "kysely";
import type { Database } from "../schema";

/** Stands for "the shared library" in the unique indexes, where NULL would never collide. */
export const SHARED_LIBRARY_KEY = "00000000-0000-0000-0000-000000000000";

/** What a workspace reads: the shared library (workspace_id NULL) and its own records. */
export function inLibraryScope<T extends "recommendations" | "sources">(eb: ExpressionBuilder<Database, T>, workspaceId: string) {
  const ref = eb.ref("workspace_id" as never) as never;
  return eb.or([eb(ref, "is", null), eb(ref, "=", workspaceId as never)]);
}
