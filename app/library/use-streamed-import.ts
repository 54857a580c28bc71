import { useCallback, useEffect, useRef, useState } from "react";
import { message, type Message } from "../../core/i18n/message";
import type { ImportStreamLine, ImportSummary } from "../../core/library/import-types";

export type StreamedImportState =
  | { status: "idle" }
  /** progress null: still uploading (fetch reports no upload progress). */
  | {
      status: "running";
      progress: Extract<ImportStreamLine, { type: "progress" }> | null;
    }
  | { status: "done"; summary: ImportSummary }
  /** The server's message, or ours when the answer never came; the form says it in the person's language. */
  | { status: "failed"; message: Message };

/** The JSON objects of an NDJSON body, one per line, as they arrive. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<ImportStreamLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield JSON.parse(line) as ImportStreamLine;
    }
    if (done) break;
  }
  if (buffered.trim()) yield JSON.parse(buffered) as ImportStreamLine;
}

/**
 * Posts an import form to the streaming endpoint and follows its progress lines: the browser
 * side of `library/import.ndjson`. Without JavaScript the page's own form post does the same
 * work and shows only the result.
 */
export function useStreamedImport() {
  const [state, setState] = useState<StreamedImportState>({ status: "idle" });
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => () => inFlight.current?.abort(), []);

  const start = useCallback(async (url: string, form: FormData) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState({ status: "running", progress: null });
    try {
      const response = await fetch(url, { method: "POST", body: form, signal: controller.signal, headers: { Accept: "application/x-ndjson" } });
      if (!(response.headers.get("content-type") ?? "").startsWith("application/x-ndjson") || !response.body) {
        // The guards answer 403/404 before any import starts, in a page not meant for this form.
        setState({ status: "failed", message: message("import.stream.status", { status: response.status }) });
        return;
      }
      let last: StreamedImportState = { status: "failed", message: message("import.stream.stopped") };
      for await (const line of ndjsonLines(response.body)) {
        if (line.type === "progress") setState({ status: "running", progress: line });
        else last = line.type === "result" ? { status: "done", summary: line.summary } : { status: "failed", message: line.message };
      }
      setState(last);
    } catch {
      if (controller.signal.aborted) return;
      setState({ status: "failed", message: message("import.stream.lost") });
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }, []);

  const reset = useCallback(() => {
    inFlight.current?.abort();
    setState({ status: "idle" });
  }, []);

  return { state, start, reset };
}
