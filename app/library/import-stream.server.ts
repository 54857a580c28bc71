import { message, type Message } from "../../core/i18n/message";
import type { ImportStreamLine } from "../../core/library/import-types";
import type { ImportOutcome } from "./import-request.server";
import type { ImportPhase } from "../../server/library/import-into-library";

export const NDJSON = "application/x-ndjson; charset=utf-8";

/** A refusal before any work started, in the stream's own line format, with its HTTP status. */
export function importErrorResponse(status: number, reason: Message): Response {
  const line: ImportStreamLine = { type: "error", status, message: reason };
  return new Response(`${JSON.stringify(line)}\n`, { status, headers: { "Content-Type": NDJSON, "Cache-Control": "no-store" } });
}

/**
 * Runs an import and answers with its progress as it happens, one JSON object per line
 * (ImportStreamLine): progress lines, then the result or an error, as a message (id and values)
 * that the page puts into the person's language. The status is 200 once the
 * stream starts; a refusal found later (an unreadable row limit, say) arrives as an error line.
 */
export function streamImport(run: (onProgress: (phase: ImportPhase) => void) => Promise<ImportOutcome>): Response {
  const encoder = new TextEncoder();
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (line: ImportStreamLine) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false; // the reader went away; the import still finishes (see cancel)
        }
      };
      run((phase) => send({ type: "progress", ...phase }))
        .then((outcome) => {
          if (!outcome.ok) send({ type: "error", status: outcome.status, message: outcome.message });
          else if (outcome.kind !== "preview") send({ type: "result", summary: outcome.summary });
        })
        .catch((error: unknown) => {
          // Headers are sent, so Remix cannot report this one: log it here, tell the reader briefly.
          console.error("[library-import] import failed", error);
          send({ type: "error", status: 500, message: message("import.stream.failed") });
        })
        .finally(() => {
          if (open) controller.close();
          open = false;
        });
    },
    // A closed tab does not stop the import: it runs in one transaction, which either commits
    // whole or not at all, so abandoning it half-way would gain nothing.
    cancel() {
      open = false;
    },
  });
  return new Response(body, { headers: { "Content-Type": NDJSON, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
