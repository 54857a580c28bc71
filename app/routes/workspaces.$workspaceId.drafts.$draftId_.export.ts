import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportDisclosures } from "../../server/export/export-disclosures";
import { exportFileName, exportJobOf, readExportSource } from "../../server/export/export-draft";
import { requireDraftAccess } from "../auth/guards.server";
import { DisclosureRefusal, disclosureRefusalBody, requireDisclosuresCleared } from "../export/disclosure-gate.server";
import { auditDownload, exportFailedResponse, exportFailureMessage, exportFileResponse } from "../export/download.server";
import { ExportQuerySchema } from "../schemas/export";

/**
 * GET ?format=docx|pdf&toc=0|1&pdfa=0|1&override=0|1: the stored draft as a Word or PDF file,
 * rendered now in the export worker pool. Any member may export (a submitted draft too);
 * strangers get 404. A draft that names a confidential organisation or keeps template
 * placeholders is refused (409, with the list) unless an owner sends override=1 (anyone else:
 * 403). A render that fails or runs out of time answers 422 with the pool's sentence. Every
 * export is audited (format, and what an owner overrode as counts; never content): a
 * confidential submission leaving the server is news to its owners.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft, user, abilities } = await requireDraftAccess(request, context, params, "export");
  const query = ExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  // Response.json, not data(): the panel fetches this as a plain resource route.
  if (!query.success) return Response.json({ error: query.error.issues.map((i) => i.message).join(" ") }, { status: 400 });
  const { format, toc, pdfa, override } = query.data;

  // What people see, not what the last batch stored: every node writes what it holds first. A
  // node that does not answer in time leaves at most its last half second out.
  await context.collab.settle(draft.id).catch(() => {});
  const source = await readExportSource(context.db, draft);
  let overridden;
  try {
    overridden = requireDisclosuresCleared(exportDisclosures(source), { override, abilities });
  } catch (error) {
    if (!(error instanceof DisclosureRefusal)) throw error;
    return Response.json(disclosureRefusalBody(error), { status: error.status, headers: { "Cache-Control": "private, no-store" } });
  }

  let bytes: Uint8Array;
  try {
    bytes = await context.jobs.run(exportJobOf(source, format, { tableOfContents: toc, pdfA: pdfa }));
  } catch (error) {
    const message = exportFailureMessage(error);
    if (message === null) throw error;
    return exportFailedResponse(message);
  }
  await auditDownload(context.db, draft, user.id, { format, tableOfContents: toc, pdfA: format === "pdf" && pdfa, ...(overridden ? { overridden } : {}) });
  return exportFileResponse(bytes, format, exportFileName(draft.title, format));
}
