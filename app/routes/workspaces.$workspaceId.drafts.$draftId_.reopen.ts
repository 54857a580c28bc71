import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireDraftAccess } from "../auth/guards.server";
import { parseForm } from "../forms.server";
import { forbidden } from "../http-errors.server";
import { refusalText } from "../export/refusal-text";
import { failureText, requestTranslator } from "../review/request-translator.server";

export type ReopenDraftResult = { ok: true } | { ok: false; error: string };

const ReopenSchema = z.object({ intent: z.literal("reopen", { error: "export.refused.unknownReopen" }) });

// Response.json, not data(): the page posts with a fetcher to a resource route.
const answer = (result: ReopenDraftResult, status = 200) => Response.json(result, { status });

/**
 * POST intent=reopen: an owner reopens a submitted draft for a correction
 * (server/export/reopen.ts). Owners only (the workspace's manage ability): it undoes the
 * step that told every co-author the text was final. After commit every node's room thaws,
 * open pages hear of the status, and sockets are re-checked (editors may edit again).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { draft, user, abilities } = await requireDraftAccess(request, context, params, "read");
  if (!abilities.manage) throw forbidden();
  const tr = requestTranslator(request, user);
  const parsed = parseForm(await request.formData(), ReopenSchema);
  if (!parsed.ok) return answer({ ok: false, error: failureText(tr, parsed) }, 400);
  const reopened = await context.services.exports.reopen({ id: user.id }, draft);
  return reopened.ok ? answer({ ok: true }) : answer({ ok: false, error: refusalText(tr, reopened) }, reopened.status);
}
