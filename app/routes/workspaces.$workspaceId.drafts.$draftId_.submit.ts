import type { ActionFunctionArgs } from "@remix-run/node";
import { SUBMITTED_STATUS_MESSAGE } from "../../core/policies/submitted";
import type { DisclosureView } from "../../server/export/disclosure-gate";
import type { MissingSignOff } from "../../server/sign-off/refusal";
import { requireDraftAccess } from "../auth/guards.server";
import type { StoredExportView } from "../components/submitted-files";
import { storedExportView } from "../export/stored-exports.server";
import { parseForm } from "../forms.server";
import { forbidden } from "../http-errors.server";
import { SubmitDraftSchema } from "../schemas/export";
import { refusalText } from "../export/refusal-text";
import { failureText, requestTranslator } from "../review/request-translator.server";

export type SubmitDraftResult =
  | { ok: true; export: StoredExportView }
  | { ok: false; error: string; disclosures?: DisclosureView[]; missingSignOffs?: MissingSignOff[] };

// Response.json, not data(): the panel posts with a plain fetch, which would lose data()'s status.
const refuse = (status: number, error: string, disclosures?: DisclosureView[], missingSignOffs?: MissingSignOff[]) =>
  Response.json({ ok: false, error, ...(disclosures ? { disclosures } : {}), ...(missingSignOffs ? { missingSignOffs } : {}) } satisfies SubmitDraftResult, { status });

/**
 * POST intent=submit, format, tableOfContents, override: "Mark as submitted". Freezes the draft
 * on every node, renders the chosen file from it, stores it with its SHA-256 and makes the draft read-only for
 * everyone (server/export/submit.ts). Owners and editors only; a draft already submitted is
 * 409, and so is one that names a confidential organisation or keeps template placeholders,
 * unless an owner sends override (an editor's override is 403). Likewise (issue 21) a draft whose
 * co-submitting organisations have not all approved its current text: 409 listing them, unless
 * an owner sends signOffOverride (recorded on the stored file and in the audit; 403 for others).
 * After commit, open pages hear of the status change and editors' sockets are re-checked:
 * without edit on a submitted draft they are closed with AuthorizationChanged.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { draft, user, abilities } = await requireDraftAccess(request, context, params, "read");
  // The workspace's edit ability, as the status route does: on a submitted draft nobody has the
  // draft's, and "already submitted" is the answer that says why.
  if (!abilities.edit) throw forbidden();
  // Refusals answer in the person's language: the Export dialog shows them as they come.
  const tr = requestTranslator(request, user);
  if (draft.status === "submitted") return refuse(409, tr.t(SUBMITTED_STATUS_MESSAGE));
  const parsed = parseForm(await request.formData(), SubmitDraftSchema);
  if (!parsed.ok) return refuse(400, failureText(tr, parsed));

  const submitted = await context.services.exports.submit({ id: user.id, name: user.name, abilities }, draft, parsed.data);
  if (!submitted.ok) {
    const { missingSignOffs } = submitted;
    // The organisations are named for members only: this answer goes to the person who asked.
    const error = missingSignOffs ? tr.t(typeof submitted.error === "string" ? "signOff.refused.missing" : submitted.error.id, { count: missingSignOffs.length, organisations: tr.list(missingSignOffs.map((o) => o.name)) }) : refusalText(tr, submitted);
    return refuse(submitted.status, error, submitted.disclosures, missingSignOffs);
  }
  return Response.json({ ok: true, export: storedExportView(submitted.export) } satisfies SubmitDraftResult);
}
