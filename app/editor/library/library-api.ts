import { paragraphPinpoint } from "../../../core/citations/pinpoint";
import type { RecommendationAttributes, RecommendationNote } from "../../../core/editor/nodes/recommendation";
import { isMessage, message, type Message, type MessageId } from "../../../core/i18n/message";
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
    if (!response.ok) throw await refusal(response, "library.api.refused");
    const body = (await response.json().catch(() => ({}))) as {
      source?: PickerSource;
      pinpoint?: string | null;
    };
    if (!body.source) throw new LibraryApiError(message("library.api.refused", { status: response.status }));
    return { source: body.source, pinpoint: body.pinpoint ?? null };
  }

  private async get<T>(url: string, signal?: AbortSignal): Promise<T> {
    const response = await fetch(url, { signal, headers: { accept: "application/json" } });
    if (!response.ok) throw await refusal(response, "library.api.noAnswer");
    return (await response.json()) as T;
  }
}

/**
 * A refused library request, with the reason as a message (id and values) for whoever shows it
 * to say in the person's language (`text(error.reason)`). Error.message is the id, for logs.
 */
export class LibraryApiError extends Error {
  override readonly name = "LibraryApiError";
  constructor(readonly reason: Message) {
    super(reason.id);
  }
}

/**
 * The server's own message for a refused request: the routes answer `{ error }` JSON with a
 * message and their status; a guard answers its message's id as plain text (app/http-errors.server.ts).
 * Anything else (a proxy's HTML, an empty 502) gets the fallback with the status.
 */
/** A guard's plain-text refusal: one of the catalogue's error ids. */
const GUARD_MESSAGE = /^common\.error\.[A-Za-z0-9]+$/;

async function refusal(response: Response, fallback: "library.api.refused" | "library.api.noAnswer"): Promise<LibraryApiError> {
  if ((response.headers.get("content-type") ?? "").includes("application/json")) {
    const error = ((await response.json().catch(() => ({}))) as { error?: unknown }).error;
    if (isMessage(error)) return new LibraryApiError(error);
  } else {
    const body = (await response.text().catch(() => "")).trim();
    if (GUARD_MESSAGE.test(body)) return new LibraryApiError(message(body as MessageId));
  }
  return new LibraryApiError(message(fallback, { status: response.status }));
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
