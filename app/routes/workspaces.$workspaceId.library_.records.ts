import { message } from "../../core/i18n/message";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireWorkspaceAccess } from "../auth/guards.server";

const Ids = z.array(z.uuid()).max(500);
const NO_STORE = { "Cache-Control": "private, no-store" };

// Response.json, not data(): the editor fetches this URL itself, and for a resource route
// outside single fetch's ".data" requests, data()'s status and headers are lost.

/**
 * GET ?id=…&id=…: the current library records behind a draft's recommendation blocks, so the
 * editor can show which changed since they were inserted. Ids outside the workspace's reach
 * (another coalition's) are simply absent.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "read");
  const parsed = Ids.safeParse(new URL(request.url).searchParams.getAll("id"));
  if (!parsed.success) return Response.json({ error: message("library.records.badIds") }, { status: 400, headers: NO_STORE });
  return Response.json({ records: await context.services.library.findRecommendations(workspace.id, parsed.data) }, { headers: NO_STORE });
}
