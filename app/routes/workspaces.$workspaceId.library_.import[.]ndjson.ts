import type { ActionFunctionArgs } from "@remix-run/node";
import { message } from "../../core/i18n/message";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { parseImportRequest, runImportRequest } from "../library/import-request.server";
import { importErrorResponse, streamImport } from "../library/import-stream.server";
import { readLibraryUpload } from "../library/upload.server";

/**
 * POST /workspaces/:id/library/import.ndjson — the import the library page runs with fetch:
 * the same form as the page's own post, answered with NDJSON progress lines and the result,
 * so a large file shows how far it has got. Editors and owners only.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "edit");
  const upload = await readLibraryUpload(request);
  if (!upload.ok) return importErrorResponse(upload.status, upload.message);
  const parsed = parseImportRequest(upload.form);
  if (!parsed.ok) {
    const refusal = parsed.formError ?? Object.values(parsed.fieldErrors).flat()[0] ?? message("import.form.unreadable");
    return importErrorResponse(parsed.status, refusal);
  }
  if (parsed.request.kind === "preview") return importErrorResponse(400, message("import.form.previewElsewhere"));
  const importRequest = parsed.request;
  const actor = { userId: user.id, workspaceId: workspace.id };
  return streamImport((onProgress) => runImportRequest(context, actor, importRequest, onProgress));
}
