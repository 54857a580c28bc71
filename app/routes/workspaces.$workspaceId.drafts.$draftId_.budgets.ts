import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { WordBudget } from "../../core/budgets/shares";
import { message } from "../../core/i18n/message";
import type { BudgetsView } from "../../server/budgets/service";
import { requireDraftAccess } from "../auth/guards.server";
import { forbidden } from "../http-errors.server";
import { requestTranslator } from "../review/request-translator.server";
import { BUDGETS_REQUEST_MAX_CHARS, BudgetsRequestSchema } from "../schemas/budgets";

export type { BudgetsView } from "../../server/budgets/service";

/** POST's answer: the draft's budgets as stored, or one sentence in the person's language. */
export type BudgetsActionResult = { ok: true; budgets: WordBudget[] } | { ok: false; error: string };

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * GET: the draft's word budgets, its template's limit and sections, the workspace's
 * organisations (confidential ones included: members only), which organisation each Yjs client
 * writes for (the browser counts live with it) and the stored draft's counts (`?fresh=1`: read
 * now, after every node stored what it holds; otherwise up to 5 s old). Members only; a
 * stranger gets 404, like every draft route.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft, user, membership, abilities } = await requireDraftAccess(request, context, params, "read");
  const fresh = new URL(request.url).searchParams.get("fresh") === "1";
  const view: BudgetsView = await context.services.budgets.read(draft, { userId: user.id, organisationId: membership.organisation_id, canManage: abilities.manage }, { fresh });
  // Response.json, not data(): fetched as a plain resource route, data()'s headers are lost.
  return Response.json(view, { headers: NO_STORE });
}

/**
 * POST JSON `{ budgets: [{ kind: "section" | "organisation", id, words }] }`: replaces every
 * budget of the draft (the coordinator's ability, `manage`: owners; others 403). 200 with the
 * budgets; 400 for a malformed request; 409 once submitted; 422 for an unknown section or
 * organisation, a bad number, or shares of one kind adding up past the limit.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { draft, user, abilities } = await requireDraftAccess(request, context, params, "read");
  if (!abilities.manage) throw forbidden();
  const tr = requestTranslator(request, user);
  const refuse = (status: number, error: string) => Response.json({ ok: false, error } satisfies BudgetsActionResult, { status, headers: NO_STORE });
  if (request.method !== "POST") return refuse(405, tr.t("budgets.refused.invalid"));
  const text = await request.text();
  if (text.length > BUDGETS_REQUEST_MAX_CHARS) return refuse(413, tr.t("budgets.refused.invalid"));
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return refuse(400, tr.t("budgets.refused.invalid"));
  }
  const parsed = BudgetsRequestSchema.safeParse(input);
  if (!parsed.success) return refuse(400, tr.text(message("budgets.refused.invalid")));
  const result = await context.services.budgets.replace({ userId: user.id }, draft, parsed.data.budgets);
  if (!result.ok) return refuse(result.status, tr.text(result.error));
  return Response.json({ ok: true, budgets: result.budgets } satisfies BudgetsActionResult, { headers: NO_STORE });
}
