import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireSession, signedOutHeaders } from "../auth/auth.server";
import { parseForm } from "../forms.server";
import { notFound } from "../http-errors.server";
import { EndSessionSchema } from "../schemas/sessions";

export async function loader() {
  throw redirect("/account");
}

/**
 * POST intent=sign-out-device: the person signs out one of their own devices (Account page).
 * The session row goes (its open editors close within a second); that browser forgets what it
 * holds the next time it reaches Caucus. Another person's session id, or one already ended, is
 * a 404: nobody learns whether a session exists. Signing out this device sends the browser to
 * sign-in with the signed-out headers, as signing out does.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, context);
  const parsed = parseForm(await request.formData(), EndSessionSchema);
  if (!parsed.ok) throw notFound();
  const ended = await context.services.auth.endOwnSession(session.user.id, parsed.data.sessionId);
  if (!ended) throw notFound();
  if (parsed.data.sessionId === session.sessionId) return redirect("/login", { headers: signedOutHeaders(request, context) });
  return redirect("/account?ended=device");
}
