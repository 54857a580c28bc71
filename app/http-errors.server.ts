import type { MessageId } from "../core/i18n/message";

/**
 * Errors loaders and actions throw; the nearest ErrorBoundary renders them. A stranger gets 404
 * for anything in a workspace, never 403, so a workspace's existence is not revealed. The body is
 * a catalogue id: the error page says it in the reader's language.
 */
export function notFound(message: MessageId = "common.error.notFound"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message: MessageId = "common.error.forbidden"): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}
