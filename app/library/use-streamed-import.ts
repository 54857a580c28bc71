import { useCallback, useEffect, useRef, useState } from "react";
import type { ImportStreamLine, ImportSummary } from "../../core/library/import-types";

export type StreamedImportState =
  | { status: "idle" }
  /** progress null: still uploading (fetch reports no upload progress). */
  | { status: "running"; progress: Extract<ImportStreamLine, { type: "progress" }> | null }
  | { status: "done"; summary: ImportSummary }
  | { status: "failed"; message: string };

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
        // The guards answer 403/404 in plain text before any import starts.
        const text = (await response.text()).trim();
        setState({ status: "failed", message: text.length > 0 && text.length < 300 ? text : `The server answered ${response.status}.` });
        return;
      }
      let last: StreamedImportState = { status: "failed", message: "The import stopped before it reported a result. Reload the library to see what it holds." };
      for await (const line of ndjsonLines(response.body)) {
        if (line.type === "progress") setState({ status: "running", progress: line });
        else last = line.type === "result" ? { status: "done", summary: line.summary } : { status: "failed", message: line.message };
      }
      setState(last);
    } catch {
      if (controller.signal.aborted) return;
      setState({ status: "failed", message: "The connection was lost during the import. Reload the library to see what it holds, then try again." });
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
