import type { ActionFunctionArgs } from "@remix-run/node";
import type { DraftStatus } from "../../db/schema";
import { requireDraftAccess } from "../auth/guards.server";
import { parseForm } from "../forms.server";
import { forbidden } from "../http-errors.server";
import { SUBMITTED_STATUS_MESSAGE } from "../../core/policies/submitted";
import { DraftStatusChangeSchema } from "../schemas/review";
import { failureText, requestTranslator } from "../review/request-translator.server";

export type DraftStatusActionResult = { ok: true; status: DraftStatus } | { ok: false; error: string };

// Response.json, not data(): a resource route fetched without single fetch loses data()'s status.
const answer = (result: DraftStatusActionResult, status = 200) => Response.json(result, { status });
const refuse = (status: number, error: string) => answer({ ok: false, error }, status);

/**
 * POST intent=set-status, status, reviewerIds (repeated): moves the draft between drafting and
 * in review (owners and editors). Submitting is issue 8's "Mark as submitted", not this route.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { draft, user, abilities } = await requireDraftAccess(request, context, params, "read");
  // The workspace's edit ability, not the draft's: on a submitted draft everyone lacks the
  // latter, and "submitted" is the answer that explains why nothing can change.
  if (!abilities.edit) throw forbidden();
  // Refusals answer in the person's language: the control shows them as they come.
  const tr = requestTranslator(request, user);
  if (draft.status === "submitted") return refuse(409, tr.t(SUBMITTED_STATUS_MESSAGE));
  const parsed = parseForm(await request.formData(), DraftStatusChangeSchema);
  if (!parsed.ok) return refuse(400, failureText(tr, parsed));

  const result = await context.services.review.changeStatus({ userId: user.id }, { id: draft.id, workspaceId: draft.workspace_id, title: draft.title }, parsed.data);
  return result.ok ? answer({ ok: true, status: result.status }) : refuse(result.status, tr.text(result.error));
}
