import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { notFound } from "../http-errors.server";
import { libraryExportResponse } from "../library/export.server";
import { LibraryExportFileSchema } from "../schemas/library";

/**
 * GET /workspaces/:id/library/export/{recommendations.csv | sources.json | sources.csv}: the
 * coalition's own library as a UTF-8 download, audited. Any member may export; strangers get 404.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "export");
  const file = LibraryExportFileSchema.safeParse(params.file);
  if (!file.success) throw notFound();
  const body = await context.services.library.exportFile({ userId: user.id, workspaceId: workspace.id }, file.data);
  return libraryExportResponse(body, workspace, file.data);
}
