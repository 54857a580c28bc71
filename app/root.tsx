// First: before any module builds a Zod schema (see the module).
import "./zod-jitless";
import {
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getSession, sessionHeaders } from "./auth/auth.server";
import { AppShell } from "./components/app-shell";
import { useNonce } from "./csp-nonce";
import { ErrorPage } from "./components/error-page";
import { holdEveryCatalogue } from "./i18n/catalogues.server";
import { I18nProvider, type Preferences } from "./i18n/i18n-provider";
import { pageMeta } from "./i18n/meta";
import { readPreferences } from "./i18n/preferences.server";
import { localeDirection } from "../core/i18n/locales";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: stylesheet },
];

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, "common.meta.title"),
  { name: "description", content: pageMeta(matches, "common.meta.description")[0]!.title },
  // Workspaces are private: keep every page out of search engines.
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  // `shared`: the person said this is a shared computer, so the browser keeps no offline copy.
  const user = session ? { id: session.user.id, name: session.user.name, email: session.user.email, shared: session.shared } : null;
  holdEveryCatalogue();
  const preferences = readPreferences(request, session?.user ?? null);
  // Sliding expiry pushes the cookie back; a cookie whose session ended is cleared, with the browser's data.
  // The top bar offers "Create account" only where one can be made: open sign-up or a fresh install.
  const canSignUp = !user && (await context.services.registration.mode()) !== "invitation";
  return data({ user, preferences, canSignUp }, { headers: sessionHeaders(request, context, session) });
}

const ENGLISH: Preferences = { locale: "en", numerals: "latn" };

/**
 * The document in the person's language from the first byte: <html lang dir> mirror the whole
 * interface for Arabic, and data-locale tells entry.client.tsx which catalogue to load.
 */
export function Layout({ children }: { children: ReactNode }) {
  // Undefined when the root loader itself failed: the error page is then in English.
  const preferences = useRouteLoaderData<typeof loader>("root")?.preferences ?? ENGLISH;
  // The Content-Security-Policy runs only scripts with this response's nonce (entry.server.tsx).
  const nonce = useNonce();
  return (
    <html lang={preferences.locale} dir={localeDirection(preferences.locale)} data-locale={preferences.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider preferences={preferences}>{children}</I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <AppShell>
      <ErrorPage status={status} message={isRouteErrorResponse(error) ? String(error.data) : undefined} />
    </AppShell>
  );
}
