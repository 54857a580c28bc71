import { recordAudit } from "../../db/queries/audit";
import type { Executor } from "../../db/queries/executor";
import { listLibrarySources } from "../../db/queries/library-sources";
import { listCoalitionRecommendations } from "./coalition-library";
import { exportRecommendationsCsv, exportSourcesCsv, exportSourcesCslJson } from "./sources-io";

/** The files a coalition's own library is exported as. */
export type LibraryExportFile = "recommendations.csv" | "sources.json" | "sources.csv";

const FORMAT: Record<LibraryExportFile, { kind: "recommendations" | "sources"; format: "csv" | "csl-json" }> = {
  "recommendations.csv": { kind: "recommendations", format: "csv" },
  "sources.json": { kind: "sources", format: "csl-json" },
  "sources.csv": { kind: "sources", format: "csv" },
};

/**
 * One export file of the coalition's own library (never the shared one), audited as a draft
 * export is: a coalition's working library can be sensitive, so an owner can see who took a copy,
 * when, of what and how many records. The event keeps those facts only, never a record's text.
 */
export async function exportCoalitionLibrary(db: Executor, actor: { userId: string; workspaceId: string }, file: LibraryExportFile): Promise<string> {
  const { kind, format } = FORMAT[file];
  let body: string;
  let count: number;
  if (kind === "recommendations") {
    const records = await listCoalitionRecommendations(db, actor.workspaceId);
    [body, count] = [exportRecommendationsCsv(records), records.length];
  } else {
    const sources = await listLibrarySources(db, actor.workspaceId);
    [body, count] = [format === "csl-json" ? exportSourcesCslJson(sources) : exportSourcesCsv(sources), sources.length];
  }
  await recordAudit(db, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    action: "library.exported",
    targetType: "workspace",
    targetId: actor.workspaceId,
    details: { kind, format, file, count },
  });
  return body;
}
