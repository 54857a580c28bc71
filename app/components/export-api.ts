import { isDisclosureFinding } from "../../core/checks/disclosure-rules";
import type { DraftCheck } from "../../server/checks/check-draft";
import type { ExportFormatChoice } from "../schemas/export";
import { message } from "../../core/i18n/message";
import type { Said } from "../review/say";

/** A finding placed for the dialog: "para. 12" and what is wrong there (words, or messages for the page to put into words). */
export interface PlacedMessage {
  where: Said;
  message: Said;
}

/** What the export panel shows of the pre-flight report. */
export interface PreflightSummary {
  errors: number;
  warnings: number;
  /** The first few errors other than disclosures, placed ("para. 12: …"). */
  firstErrors: PlacedMessage[];
  /** Every mention of a confidential organisation and placeholder left: the export stops at these. */
  disclosures: PlacedMessage[];
}

/** A refusal may list what the file would disclose (409, 403): the dialog shows them as the summary does. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Said; disclosures?: PlacedMessage[] };

const FIRST_ERRORS = 3;
const UNREACHABLE = message("export.api.unreachable");

/** The sentence a refusal carries ({ error } JSON) or one made from its status, and any disclosures it lists. */
async function refusal(response: Response): Promise<{ ok: false; error: Said; disclosures?: PlacedMessage[] }> {
  const body = (await response.json().catch(() => null)) as { error?: unknown; disclosures?: unknown } | null;
  const disclosures = Array.isArray(body?.disclosures) ? (body.disclosures as PlacedMessage[]).map(({ where, message }) => ({ where, message })) : undefined;
  const error = body?.error;
  if (typeof error === "string" && error) return { ok: false, error, ...(disclosures ? { disclosures } : {}) };
  if (response.status === 403) return { ok: false, error: message("common.error.forbidden") };
  if (response.status === 404) return { ok: false, error: message("export.api.gone") };
  return { ok: false, error: message("export.api.serverError", { status: response.status }) };
}

/** The resource routes of one draft's export, for the panel (every answer is authorised there). */
export class ExportApi {
  constructor(private readonly base: string) {}

  async preflight(): Promise<Outcome<PreflightSummary>> {
    try {
      const response = await fetch(`${this.base}/checks`, { headers: { accept: "application/json" } });
      if (!response.ok) return await refusal(response);
      const check = (await response.json()) as DraftCheck;
      const placed = (f: PlacedMessage) => ({ where: f.where, message: f.message });
      const errors = check.report.findings.filter((f) => f.severity === "error");
      return {
        ok: true,
        value: {
          errors: check.totals.errors,
          warnings: check.totals.warnings,
          firstErrors: errors.filter((f) => !isDisclosureFinding(f)).slice(0, FIRST_ERRORS).map(placed),
          disclosures: errors.filter(isDisclosureFinding).map(placed),
        },
      };
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  }

  /**
   * Fetches the file and hands it to the browser's downloads; resolves with its name. `override`
   * is an owner's "Export anyway" (the server checks who asks); `review` asks for the review copy.
   */
  async download(format: ExportFormatChoice, tableOfContents: boolean, pdfA = false, override = false, review = false): Promise<Outcome<string>> {
    // A review copy (suggestions as tracked changes, comments as Word comments) is a Word file only.
    const variant = review && format === "docx" ? "review" : "clean";
    try {
      const response = await fetch(`${this.base}/export?format=${format}&toc=${tableOfContents ? 1 : 0}&pdfa=${pdfA && format === "pdf" ? 1 : 0}&override=${override ? 1 : 0}&variant=${variant}`);
      if (!response.ok) return await refusal(response);
      const name = fileNameOf(response.headers.get("content-disposition")) ?? `submission.${format}`;
      saveBlob(await response.blob(), name);
      return { ok: true, value: name };
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  }

  /** "Mark as submitted": the server renders, stores and freezes; resolves once it has. */
  async submit(format: ExportFormatChoice, tableOfContents: boolean, override = false, signOffOverride = false): Promise<Outcome<null>> {
    const form = new FormData();
    form.set("intent", "submit");
    form.set("format", format);
    if (tableOfContents) form.set("tableOfContents", "on");
    if (override) form.set("override", "on");
    if (signOffOverride) form.set("signOffOverride", "on");
    try {
      const response = await fetch(`${this.base}/submit`, { method: "POST", body: form });
      return response.ok ? { ok: true, value: null } : await refusal(response);
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
