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
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getSession } from "./auth/auth.server";
import { readSessionToken, sessionCookie } from "./auth/session.server";
import { AppShell } from "./components/app-shell";
import { ErrorPage } from "./components/error-page";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: stylesheet },
];

export const meta: MetaFunction = () => [
  { title: "Caucus" },
  { name: "description", content: "Co-write UN human-rights submissions as a coalition." },
  // Workspaces are private: keep every page out of search engines.
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  const user = session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null;
  // Sliding expiry: when the server pushed the session back, push the cookie back with it.
  const token = readSessionToken(request);
  const headers: HeadersInit | undefined =
    session?.renewed && token ? { "Set-Cookie": sessionCookie(request, context, token, session.expiresAt) } : undefined;
  return data({ user }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
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
