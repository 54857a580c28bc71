import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { VersionSummary } from "../../core/versions/contract";
import { requireDraftAccess } from "../auth/guards.server";
import { parseForm } from "../forms.server";
import { forbidden } from "../http-errors.server";
import { SUBMITTED_STATUS_MESSAGE } from "../../core/policies/submitted";
import { failureText, requestTranslator } from "../review/request-translator.server";
import { VersionIntentSchema } from "../schemas/versions";

export type VersionsActionResult =
  | { ok: true; version?: VersionSummary; beforeVersionId?: string | null; changed?: boolean }
  | { ok: false; error: string };

const NO_STORE = { "Cache-Control": "private, no-store" };
const answer = (result: VersionsActionResult, status = 200) => Response.json(result, { status, headers: NO_STORE });

/**
 * GET: the draft's history, newest first (members who can read it, reviewers included).
 * POST intent=name (name) | rename (versionId, name) | restore (versionId, section?): people
 * who can edit the draft. A stranger gets 404; a reviewer may read history but not change it.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraftAccess(request, context, params, "read");
  return Response.json({ versions: await context.services.versions.list(draft) }, { headers: NO_STORE });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { draft, user, abilities } = await requireDraftAccess(request, context, params, "read");
  if (!abilities.edit) throw forbidden();
  const tr = requestTranslator(request, user);
  const parsed = parseForm(await request.formData(), VersionIntentSchema);
  if (!parsed.ok) return answer({ ok: false, error: failureText(tr, parsed) }, 400);
  const intent = parsed.data;
  // Naming a submitted draft's state is fine (it is read-only); changing its text is not.
  if (intent.intent === "restore" && draft.status === "submitted") return answer({ ok: false, error: tr.t(SUBMITTED_STATUS_MESSAGE) }, 409);
  const actor = { id: user.id };
  const versions = context.services.versions;
  if (intent.intent === "restore") {
    const outcome = await versions.restore(actor, draft, { versionId: intent.versionId, section: intent.section });
    if (!outcome.ok) return answer({ ok: false, error: tr.text(outcome.error) }, outcome.status);
    return answer({ ok: true, beforeVersionId: outcome.before?.id ?? null, changed: outcome.changed });
  }
  if (intent.intent === "rename") {
    const outcome = await versions.rename(actor, draft, intent.versionId, intent.name);
    return outcome.ok ? answer({ ok: true }) : answer({ ok: false, error: tr.text(outcome.error) }, outcome.status);
  }
  const outcome = await versions.nameCurrent(actor, draft, intent.name);
  return outcome.ok ? answer({ ok: true, version: outcome.version }) : answer({ ok: false, error: tr.text(outcome.error) }, outcome.status);
}
