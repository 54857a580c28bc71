import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { ErrorPage } from "./error-page";

/**
 * A page's own error boundary: a loader or action that fails (a 404 from a guard, a 500 from a
 * service) is shown in place of the page, inside the workspace's layout, so its navigation stays.
 * Server details never reach it, as in the root boundary.
 */
export function PageErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return <ErrorPage status={status} message={isRouteErrorResponse(error) ? String(error.data) : undefined} />;
}
