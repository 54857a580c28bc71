import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireDraftAccess } from "../auth/guards.server";
import { reopenSubmittedDraft } from "../export/reopen.server";
import { parseForm } from "../forms.server";
import { forbidden } from "../http-errors.server";
import { ReviewRefusal } from "../review/refusal.server";

export type ReopenDraftResult = { ok: true } | { ok: false; error: string };

const ReopenSchema = z.object({ intent: z.literal("reopen", { error: "Unknown intent: expected reopen." }) });

// Response.json, not data(): the page posts with a fetcher to a resource route.
const answer = (result: ReopenDraftResult, status = 200) => Response.json(result, { status });

/**
 * POST intent=reopen: an owner reopens a submitted draft for a correction
 * (app/export/reopen.server.ts). Owners only (the workspace's manage ability): it undoes the
 * step that told every co-author the text was final. After commit every node's room thaws,
 * open pages hear of the status, and sockets are re-checked (editors may edit again).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { draft, user, abilities } = await requireDraftAccess(request, context, params, "read");
  if (!abilities.manage) throw forbidden();
  const parsed = parseForm(await request.formData(), ReopenSchema);
  if (!parsed.ok) return answer({ ok: false, error: parsed.formError ?? Object.values(parsed.fieldErrors).flat().join(" ") }, 400);
  try {
    await reopenSubmittedDraft(context, { id: user.id }, draft);
  } catch (error) {
    if (error instanceof ReviewRefusal) return answer({ ok: false, error: error.message }, error.status);
    throw error;
  }
  // A node that misses this reads the draft again when its room next loads.
  await context.collab.settle(draft.id).catch(() => {});
  context.collab.announce(draft.id, { type: "status" });
  await context.collab.revalidate({ workspaceId: draft.workspace_id });
  return answer({ ok: true });
}
