import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { SignOffState } from "../../server/sign-off/state";
import { requireDraftAccess, type DraftAccess } from "../auth/guards.server";
import { parseForm } from "../forms.server";
import { failureText, requestTranslator } from "../review/request-translator.server";
import { SignOffActionSchema } from "../schemas/sign-off";

export type { SignOffState, OrganisationSignOff } from "../../server/sign-off/state";
export type SignOffAnswer = { ok: true; state: SignOffState } | { ok: false; error: string };

const NO_STORE = { "Cache-Control": "private, no-store" };
// Response.json, not data(): the panel fetches this resource route, which would lose data()'s status.
const answer = (body: SignOffAnswer, status = 200) => Response.json(body, { status, headers: NO_STORE });

/** The acting member as the sign-off policy reads them (core/policies/sign-off.ts). */
const actorOf = (access: DraftAccess) => ({ userId: access.user.id, name: access.user.name, abilities: access.abilities, organisationId: access.membership.organisation_id });

/**
 * GET: the draft's sign-off (the current request, each co-submitting organisation's answer and
 * whether it was on an earlier text, what the reader may do). Any member; a stranger gets 404.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireDraftAccess(request, context, params, "read");
  return Response.json(await context.services.signOff.state(access.draft, actorOf(access)), { headers: NO_STORE });
}

/**
 * POST intent=request (owners: versionId of a named version, or name to name the current state;
 * message), intent=approve or request-changes (the organisation's focal point, any role:
 * requestId, organisationId, comment — required for changes). The policy decides in the service
 * (403 for a member who may not; 409 on a superseded request or a submitted draft); a stranger
 * is 404 here. Answers the new state.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireDraftAccess(request, context, params, "read");
  const tr = requestTranslator(request, access.user);
  const parsed = parseForm(await request.formData(), SignOffActionSchema);
  if (!parsed.ok) return answer({ ok: false, error: failureText(tr, parsed) }, 400);
  const input = parsed.data;
  const actor = actorOf(access);
  const { signOff } = context.services;
  const done =
    input.intent === "request"
      ? await signOff.request(actor, access.draft, input.versionId ? { versionId: input.versionId } : { name: input.name ?? "" }, input.message)
      : await signOff.sign(actor, access.draft, {
          requestId: input.requestId,
          organisationId: input.organisationId,
          decision: input.intent === "approve" ? "approved" : "changes_requested",
          comment: input.comment,
        });
  if (!done.ok) return answer({ ok: false, error: tr.text(done.error) }, done.status);
  return answer({ ok: true, state: await signOff.state(access.draft, actor) });
}
