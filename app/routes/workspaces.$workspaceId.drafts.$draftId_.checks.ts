import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDraftAccess } from "../auth/guards.server";

/**
 * GET: the draft's pre-flight report as JSON (findings with "para. 12" / "note 7" places, word
 * count, totals), for the export screen's "3 errors — export anyway?". The same checks as the
 * editor's Checks tab, run on the stored draft as people see it (server/checks/service.ts). Any
 * member may read it; a stranger gets 404.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraftAccess(request, context, params, "read");
  // The guard's row, not a second lookup: the draft checked is the one just authorised.
  // Response.json, not data(): fetched as a plain resource route, data()'s headers are lost.
  return Response.json(await context.services.checks.checkDraft(draft), { headers: { "Cache-Control": "private, no-store" } });
}
