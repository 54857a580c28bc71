import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSession } from "../auth/auth.server";
import { clearedSessionCookie } from "../auth/session.server";

export async function loader() {
  // Signing out changes state, so it is a POST (the origin guard protects it); GET just goes home.
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request, context);
  if (session) await context.services.auth.endSession({ sessionId: session.sessionId, userId: session.user.id });
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie(request, context) } });
}
