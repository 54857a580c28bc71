import type { DraftCheck } from "../../server/checks/check-draft";
import type { ExportFormatChoice } from "../schemas/export";

/** What the export panel shows of the pre-flight report. */
export interface PreflightSummary {
  errors: number;
  warnings: number;
  /** The first few errors, placed ("para. 12: …"). */
  firstErrors: Array<{ where: string; message: string }>;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

const FIRST_ERRORS = 3;
const UNREACHABLE = "The server could not be reached. Check your connection and try again.";

/** The sentence a refusal carries ({ error } JSON), or one made from its status. */
async function refusalSentence(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === "string" && error) return error;
  if (response.status === 403) return "Your role in this workspace does not allow this.";
  if (response.status === 404) return "This draft no longer exists, or you no longer have access to it.";
  return `Something went wrong on the server (HTTP ${response.status}). Try again in a moment.`;
}

/** The resource routes of one draft's export, for the panel (every answer is authorised there). */
export class ExportApi {
  constructor(private readonly base: string) {}

  async preflight(): Promise<Outcome<PreflightSummary>> {
    try {
      const response = await fetch(`${this.base}/checks`, { headers: { accept: "application/json" } });
      if (!response.ok) return { ok: false, error: await refusalSentence(response) };
      const check = (await response.json()) as DraftCheck;
      const firstErrors = check.report.findings.filter((f) => f.severity === "error").slice(0, FIRST_ERRORS);
      return { ok: true, value: { errors: check.totals.errors, warnings: check.totals.warnings, firstErrors: firstErrors.map((f) => ({ where: f.where, message: f.message })) } };
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  }

  /** Fetches the file and hands it to the browser's downloads; resolves with its name. */
  async download(format: ExportFormatChoice, tableOfContents: boolean, pdfA = false): Promise<Outcome<string>> {
    try {
      const response = await fetch(`${this.base}/export?format=${format}&toc=${tableOfContents ? 1 : 0}&pdfa=${pdfA && format === "pdf" ? 1 : 0}`);
      if (!response.ok) return { ok: false, error: await refusalSentence(response) };
      const name = fileNameOf(response.headers.get("content-disposition")) ?? `submission.${format}`;
      saveBlob(await response.blob(), name);
      return { ok: true, value: name };
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  }

  /** "Mark as submitted": the server renders, stores and freezes; resolves once it has. */
  async submit(format: ExportFormatChoice, tableOfContents: boolean): Promise<Outcome<null>> {
    const form = new FormData();
    form.set("intent", "submit");
    form.set("format", format);
    if (tableOfContents) form.set("tableOfContents", "on");
    try {
      const response = await fetch(`${this.base}/submit`, { method: "POST", body: form });
      return response.ok ? { ok: true, value: null } : { ok: false, error: await refusalSentence(response) };
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  }
}

/** The name in Content-Disposition: filename* (UTF-8) first, then the ASCII filename. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/** Saves a blob as a download through a temporary link; the object URL is released afterwards. */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Released later, not at once: revoking right after click() can cancel the download in Firefox.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
