import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { findExportInDraft } from "../../db/queries/exports";
import { requireDraftAccess } from "../auth/guards.server";
import { auditDownload, exportFileResponse } from "../export/download.server";
import { notFound } from "../http-errors.server";

const ExportId = z.uuid();

/**
 * GET: a file stored when the draft was marked as submitted, byte for byte as it was stored.
 * The `export` ability (every member today, as read is): downloading the submitted file is an
 * export like any other, and is audited as one. A file of another draft, or a malformed id, is
 * a 404, as for a stranger.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft, user } = await requireDraftAccess(request, context, params, "export");
  const exportId = ExportId.safeParse(params.exportId);
  if (!exportId.success) throw notFound();
  const stored = await findExportInDraft(context.db, draft.id, exportId.data);
  if (!stored) throw notFound();
  await auditDownload(context.db, draft, user.id, { format: stored.format, stored: true, exportId: stored.id });
  return exportFileResponse(stored.bytes, stored.format, stored.file_name);
}
