import type { LibrarySearch } from "../../core/library/search-query";
import type { RecommendationRecord, SourceRecord } from "../../core/library/records";
import { countRecommendations, findRecommendations } from "../../db/queries/library-recommendations";
import { warmSharedLibraryIndex } from "../../db/queries/library-index-cache";
import { searchRecommendations, type LibrarySearchResult } from "../../db/queries/library-search";
import { findSources, searchSources } from "../../db/queries/library-sources";
import { tooManyAttempts } from "../limits/refusal";
import type { ServiceDeps } from "../services";
import { runImport, type ImportOutcome, type ImportRequest } from "./coalition-import";
import { deleteCoalitionRecommendation, type DeleteOutcome } from "./coalition-library";
import { ensureSymbolSource, sourceFromFootnote, type AddedSource } from "./coalition-sources";
import type { ImportPhase } from "./import-into-library";
import { exportCoalitionLibrary, type LibraryExportFile } from "./export-library";

export type { LibraryExportFile };

type Actor = { userId: string; workspaceId: string };

/**
 * The recommendations and sources library: the shared one (read only here) and each coalition's
 * own (searched, imported into, exported, added to from the editor). Callers authorise.
 *
 * The search index (db/queries/library-index-cache.ts) is held once per process, by library
 * and revision: this service is the only way routes reach it, and the server entry warms the
 * shared library's through warmSharedIndex, so the copy warmed at start is the one searched.
 */
export function createLibraryService({ db, jobs, limits }: Pick<ServiceDeps, "db" | "jobs" | "limits">) {
  return {
    /** Reads the shared library's index ahead of the first search (~1 s per 100,000 records). */
    warmSharedIndex(): Promise<void> {
      return warmSharedLibraryIndex(db);
    },

    /** The shared library and the workspace's own, searched together. */
    search(workspaceId: string, search: LibrarySearch): Promise<LibrarySearchResult> {
      return searchRecommendations(db, workspaceId, search);
    },

    /** How many recommendations the workspace's own library holds. */
    countOwn(workspaceId: string): Promise<number> {
      return countRecommendations(db, workspaceId);
    },

    /** The records with these ids within the workspace's reach (shared or its own); others are left out. */
    findRecommendations(workspaceId: string, ids: readonly string[]): Promise<RecommendationRecord[]> {
      return findRecommendations(db, workspaceId, ids);
    },

    /** Deletes one of the coalition's own recommendations, audited; shared ones are refused. */
    deleteRecommendation(actor: Actor, recommendationId: string): Promise<DeleteOutcome> {
      return deleteCoalitionRecommendation(db, actor, recommendationId);
    },

    /**
     * A preview, or an import into the coalition's own library (audited); see coalition-import.ts.
     * The file is read in the job pool, after the person's upload limit: every file read counts,
     * previews included, since each one parses a whole upload.
     */
    async runImport(actor: Actor, request: ImportRequest, onProgress?: (phase: ImportPhase) => void): Promise<ImportOutcome> {
      const upload = await limits.consume("upload", actor.userId);
      if (!upload.ok) return { ok: false, status: 429, message: tooManyAttempts(upload.retryAfterMs) };
      return runImport(db, jobs, actor, request, onProgress);
    },

    /**
     * The coalition's own library as the text of one export file; the shared library is never
     * included. Audited (every file that leaves the server is): who, which file, how many records.
     */
    async exportFile(actor: Actor, file: LibraryExportFile): Promise<string> {
      return exportCoalitionLibrary(db, actor, file);
    },

    /** Sources to cite (shared and the coalition's), for the citation picker. */
    searchSources(workspaceId: string, q: string, limit: number): Promise<SourceRecord[]> {
      return searchSources(db, workspaceId, q, limit);
    },

    /** Which of these sources are still in the workspace's reach. */
    findSources(workspaceId: string, ids: readonly string[]): Promise<SourceRecord[]> {
      return findSources(db, workspaceId, ids);
    },

    /** A UN document by symbol in the coalition's library: the one there, or a new record. */
    ensureSymbolSource(actor: Actor & { userName: string }, input: { symbol: string; title?: string; issuingBody?: string; date?: string }): Promise<AddedSource> {
      return ensureSymbolSource(db, actor, input);
    },

    /** A typed footnote saved to the coalition's library as a source. */
    sourceFromFootnote(actor: Actor & { userName: string }, text: string): Promise<AddedSource> {
      return sourceFromFootnote(db, actor, text);
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
