import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { findRecommendations } from "../../db/queries/library-recommendations";
import { requireWorkspaceAccess } from "../auth/guards.server";

const Ids = z.array(z.uuid()).max(500);

/**
 * GET ?id=…&id=…: the current library records behind a draft's recommendation blocks, so the
 * editor can show which changed since they were inserted. Ids outside the workspace's reach
 * (another coalition's) are simply absent.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "read");
  const parsed = Ids.safeParse(new URL(request.url).searchParams.getAll("id"));
  if (!parsed.success) return data({ error: "id must be up to 500 record ids" }, { status: 400 });
  return data({ records: await findRecommendations(context.db, workspace.id, parsed.data) }, { headers: { "Cache-Control": "private, no-store" } });
}
