import type { ActionFunctionArgs } from "@remix-run/node";
import { requireSession } from "../auth/auth.server";
import { notFound } from "../http-errors.server";
import { publicOrigin } from "../two-step/challenge-cookie.server";

/**
 * POST: options for the browser's prompt to make a passkey for the signed-in person, and the
 * token of the registration challenge, which the page posts back with the passkey's answer. The
 * challenge belongs to this person: another account cannot finish it.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireSession(request, context);
  const { options, token } = await context.services.twoStep.passkeyRegistrationOptions(user, publicOrigin(request, context));
  // Response.json, not data(): the Add passkey button fetches this route directly.
  return Response.json({ ok: true, options, token });
}

/** A GET has nothing to show. */
export function loader() {
  throw notFound();
}
