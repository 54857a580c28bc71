import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDraftAccess } from "../auth/guards.server";

/**
 * GET: how many of the stored draft's counted words each organisation wrote, for the Checks
 * tab's "Words by organisation" (joint submissions). Members only: it names the workspace's
 * organisations, confidential ones included; a stranger gets 404, like every draft route.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraftAccess(request, context, params, "read");
  // Response.json, not data(): fetched as a plain resource route, data()'s headers are lost.
  return Response.json(await context.services.checks.wordsByOrganisation(draft), { headers: { "Cache-Control": "private, no-store" } });
}

export type { WordsByOrganisation } from "../../server/checks/words-by-organisation";
