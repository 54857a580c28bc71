import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isInterfaceLocale, isNumerals } from "../../core/i18n/locales";
import { getSession } from "../auth/auth.server";
import { languageCookie } from "../i18n/preferences.server";

export function loader() {
  throw redirect("/");
}

/** Only a path on this site: an open redirect would let a link send people anywhere after a click. */
function safeReturn(value: FormDataEntryValue | null): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

/**
 * Sets the interface language (and, for Arabic, the digits): on the account when signed in, and on
 * this browser either way. The form posts as a document (reloadDocument), so the next page arrives
 * whole in the new language with its own catalogue.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const numerals = form.get("numerals") ?? "latn";
  if (!isInterfaceLocale(locale) || !isNumerals(numerals)) throw new Response("Unknown language", { status: 400 });
  const session = await getSession(request, context);
  if (session) await context.services.auth.setPreferences(session.user.id, { locale, numerals });
  return redirect(safeReturn(form.get("returnTo")), { headers: { "Set-Cookie": languageCookie(request, context, { locale, numerals }) } });
}
