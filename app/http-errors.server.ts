/**
 * Errors loaders and actions throw; the nearest ErrorBoundary renders them. A stranger gets 404
 * for anything in a workspace, never 403, so a workspace's existence is not revealed.
 */
export function notFound(message = "We could not find that page."): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "Your role in this workspace does not allow this."): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}
