import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSession, signedOutHeaders } from "../auth/auth.server";

export async function loader() {
  // Signing out changes state, so it is a POST (the origin guard protects it); GET just goes home.
  throw redirect("/");
}

/**
 * Ends this session and tells the browser to forget what it holds for Caucus (Clear-Site-Data);
 * the sign-in page it lands on deletes the drafts' offline copies as well (ForgetBrowserData).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request, context);
  if (session) await context.services.auth.endSession({ sessionId: session.sessionId, userId: session.user.id });
  return redirect("/login", { headers: signedOutHeaders(request, context) });
}
