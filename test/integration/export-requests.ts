import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import type { RevalidationFilter } from "../../server/collab/types";
import type { DraftEvent } from "../../core/collab/draft-events";
import type { DatabaseHandle } from "../../db/client";
import type { JobRunner } from "../../server/context";
import { makeRequest, testContext } from "../remix";

/** A load context that records what the collaboration server was asked to announce, re-check and settle. */
export function exportContext(handle: DatabaseHandle, jobs?: JobRunner) {
  const announced: Array<{ draftId: string; event: DraftEvent }> = [];
  const revalidated: RevalidationFilter[] = [];
  const settled: string[] = [];
  const context = testContext(handle, undefined, {
    revalidate: async (filter) => {
      revalidated.push(filter);
    },
    announce: (draftId, event) => announced.push({ draftId, event }),
    settle: async (draftId) => {
      settled.push(draftId);
    },
    applyStoredChange: () => {},
  }, jobs);
  return { context, announced, revalidated, settled };
}

export interface FileAnswer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The JSON body of a refusal, or null. */
  json: unknown;
}

type Route = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => unknown;

/** Runs a download route (or the submit action) and reads its answer as bytes, returned or thrown. */
export async function fetchFile(route: Route, request: Request, context: AppLoadContext, params: Record<string, string>): Promise<FileAnswer> {
  let value: unknown;
  try {
    value = await route({ request, context, params });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    value = thrown;
  }
  if (!(value instanceof Response)) throw new Error(`expected a Response, got ${JSON.stringify(value)}`);
  const bytes = Buffer.from(await value.arrayBuffer());
  const json = value.headers.get("content-type")?.includes("application/json") ? JSON.parse(bytes.toString("utf8")) : null;
  return { status: value.status, headers: value.headers, bytes, json };
}

export const draftPath = (workspaceId: string, draftId: string, rest: string) => `/workspaces/${workspaceId}/drafts/${draftId}${rest}`;

/** The POST "Mark as submitted…" sends. */
export const submitRequest = (workspaceId: string, draftId: string, token: string | undefined, form: Record<string, string> = { intent: "submit", format: "pdf" }) =>
  makeRequest(draftPath(workspaceId, draftId, "/submit"), { token, form });

/** The words a reader of the file sees: word/document.xml of a DOCX (tags dropped), pdftotext of a PDF. */
export function fileText(bytes: Buffer, format: "docx" | "pdf"): string {
  const dir = mkdtempSync(join(tmpdir(), "caucus-export-"));
  try {
    const file = join(dir, `file.${format}`);
    writeFileSync(file, bytes);
    if (format === "pdf") return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    // Text runs split words across <w:t> elements; joined, the reader's words come back.
    return xml.replace(/<w:p[ >][^]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, "")}\n`).replace(/<[^>]+>/g, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
