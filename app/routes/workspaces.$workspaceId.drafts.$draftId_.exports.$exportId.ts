import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireDraftAccess } from "../auth/guards.server";
import { exportFileResponse } from "../export/download.server";
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
  const stored = await context.services.exports.storedFile({ id: user.id }, draft, exportId.data);
  if (!stored) throw notFound();
  return exportFileResponse(stored);
}
