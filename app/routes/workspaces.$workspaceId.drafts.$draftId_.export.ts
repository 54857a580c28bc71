import type { LoaderFunctionArgs } from "@remix-run/node";
import type { MessageId } from "../../core/i18n/message";
import { requireDraftAccess } from "../auth/guards.server";
import { exportFileResponse, exportRefusedResponse } from "../export/download.server";
import { ExportQuerySchema } from "../schemas/export";
import { requestTranslator } from "../review/request-translator.server";

/**
 * GET ?format=docx|pdf&toc=0|1&pdfa=0|1&override=0|1&variant=clean|review: the stored draft as a
 * Word or PDF file, rendered now in the export worker pool. variant=review (Word only) is the
 * review copy of issue 20: open suggestions as tracked changes, open threads as comments, named
 * "… (review copy).docx"; checked for disclosures and audited like any export. Any member may export (a submitted draft too);
 * strangers get 404. A draft that names a confidential organisation or keeps template
 * placeholders is refused (409, with the list) unless an owner sends override=1 (anyone else:
 * 403). A render that fails or runs out of time answers 422 with the pool's sentence. Every
 * export is audited (format, and what an owner overrode as counts; never content): a
 * confidential submission leaving the server is news to its owners (server/export/service.ts).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft, user, abilities } = await requireDraftAccess(request, context, params, "export");
  const query = ExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  // Response.json, not data(): the panel fetches this as a plain resource route.
  const tr = requestTranslator(request, user);
  // The schema's messages are catalogue ids (app/schemas/export.ts).
  if (!query.success) return Response.json({ error: query.error.issues.map((i) => tr.t(i.message as MessageId)).join(" ") }, { status: 400 });
  const { format, toc, pdfa, override, variant } = query.data;
  const review = variant === "review" ? { fileLabel: tr.t("export.review.fileLabel") } : undefined;
  const exported = await context.services.exports.download({ id: user.id, abilities }, draft, { format, tableOfContents: toc, pdfA: pdfa, override, review });
  return exported.ok ? exportFileResponse(exported.file) : exportRefusedResponse(exported, tr);
}
