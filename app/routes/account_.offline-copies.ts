import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireSession } from "../auth/auth.server";
import { parseForm } from "../forms.server";
import { OfflineCopiesSchema } from "../schemas/sessions";

export async function loader() {
  throw redirect("/account");
}

/**
 * POST draftId=…: the browser names the drafts it keeps offline copies of for this person; the
 * answer is those they may still read. The server decides, the browser deletes the rest
 * (app/account/forget-browser-data.ts). Only the person's own access is judged, so the answer
 * tells nothing about drafts they cannot see.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, context);
  const parsed = parseForm(await request.formData(), OfflineCopiesSchema);
  if (!parsed.ok) return Response.json({ ok: false }, { status: 400 });
  const readable = await context.services.auth.readableOfflineCopies(session.user.id, parsed.data.draftId);
  return Response.json({ ok: true, readable });
}
