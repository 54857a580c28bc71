import { paragraphPinpoint } from "../../../core/citations/pinpoint";
import type { RecommendationAttributes, RecommendationNote } from "../../../core/editor/nodes/recommendation";
import type { RecommendationRecord } from "../../../core/library/records";
import type { LibrarySearchResult } from "../../../db/queries/library-search";
import type { PickerSource } from "../../routes/workspaces.$workspaceId.library_.sources";

/** The editor's calls to the library's resource routes; every one answers for one workspace. */
export class LibraryApi {
  constructor(private readonly base: string) {}

  async search(params: URLSearchParams, signal?: AbortSignal): Promise<LibrarySearchResult> {
    return this.get(`${this.base}/search?${params}`, signal);
  }

  async records(ids: readonly string[]): Promise<RecommendationRecord[]> {
    if (ids.length === 0) return [];
    const params = new URLSearchParams(ids.map((id) => ["id", id]));
    return (await this.get<{ records: RecommendationRecord[] }>(`${this.base}/records?${params}`)).records;
  }

  async sources(q: string, signal?: AbortSignal): Promise<PickerSource[]> {
    return (await this.get<{ sources: PickerSource[] }>(`${this.base}/sources?${new URLSearchParams({ q })}`, signal)).sources;
  }

  /** Which of these source ids are still in the library the workspace reads. */
  async knownSources(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const params = new URLSearchParams(ids.map((id) => ["id", id]));
    return new Set((await this.get<{ known: string[] }>(`${this.base}/sources?${params}`)).known);
  }

  /** Adds a source to the coalition's library (or finds the one already there). */
  async addSource(fields: Record<string, string>): Promise<{ source: PickerSource; pinpoint: string | null }> {
    const response = await fetch(`${this.base}/sources`, { method: "POST", body: new URLSearchParams(fields), headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(await refusalMessage(response, "The library refused this"));
    const body = (await response.json().catch(() => ({}))) as { source?: PickerSource; pinpoint?: string | null };
    if (!body.source) throw new Error(`The library refused this (${response.status}).`);
    return { source: body.source, pinpoint: body.pinpoint ?? null };
  }

  private async get<T>(url: string, signal?: AbortSignal): Promise<T> {
    const response = await fetch(url, { signal, headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(await refusalMessage(response, "The library did not answer"));
    return (await response.json()) as T;
  }
}

/**
 * The server's own sentence for a refused request, to show as it is: the routes answer
 * `{ error }` JSON with their status; a guard's 403/404 is a short plain-text body. Anything
 * else (a proxy's HTML page, an empty 502) gets the fallback with the status.
 */
async function refusalMessage(response: Response, fallback: string): Promise<string> {
  const text = await response.text().catch(() => "");
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    try {
      const error = (JSON.parse(text) as { error?: unknown }).error;
      if (typeof error === "string" && error.trim()) return error;
    } catch {
      // Not the JSON it claims to be: fall through to the fallback.
    }
  } else if (type.startsWith("text/plain") && text.trim() && text.length <= 300) {
    return text.trim();
  }
  return `${fallback} (${response.status}).`;
}

/** What a recommendation block freezes of a library record. */
export function recommendationAttributes(record: RecommendationRecord): RecommendationAttributes {
  return {
    libraryId: record.id,
    text: record.text,
    body: record.body,
    symbol: record.symbol,
    paragraph: record.paragraph,
    recommendingStates: record.recommendingStates.join(", "),
    response: record.response ?? "",
    cycle: record.cycle === null ? "" : String(record.cycle),
  };
}

/** The fields of a block that differ from the library's current record ("text", "response"…). */
export function changedFields(frozen: RecommendationAttributes, current: RecommendationRecord): string[] {
  const now = recommendationAttributes(current);
  return (Object.keys(now) as Array<keyof RecommendationAttributes>).filter((key) => key !== "libraryId" && (frozen[key] ?? "") !== now[key]);
}

/**
 * The footnote a recommendation brings: its document, found in (or added to) the library, and
 * its paragraph. Without a source record (no right to add one, or the library unreachable) the
 * citation still reads right from its frozen label.
 */
export async function recommendationNote(api: LibraryApi, record: RecommendationRecord): Promise<RecommendationNote> {
  const pinpoint = paragraphPinpoint(record.paragraph);
  try {
    const { source } = await api.addSource({ intent: "ensure-symbol", symbol: record.symbol, ...(record.publicationDate ? { date: record.publicationDate } : {}) });
    return { sourceId: source.id, label: source.label, pinpoint };
  } catch {
    return { sourceId: null, label: record.symbol, pinpoint };
  }
}
