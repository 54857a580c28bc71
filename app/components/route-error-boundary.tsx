import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { ErrorPage } from "./error-page";

/**
 * A page's ErrorBoundary: a 403, a 404 or a server error thrown by the page renders here, in
 * place of the page only, so the workspace's header and tabs (or the app's frame) stay around it.
 * Routes export it as theirs: `export { RouteErrorBoundary as ErrorBoundary } from "…"`.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return <ErrorPage status={status} message={isRouteErrorResponse(error) ? String(error.data) : undefined} />;
}
