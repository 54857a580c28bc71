import type { ColumnMapping } from "../../../core/library/import-fields";
import type { Provenance } from "../../../core/library/records";

/**
 * Reading a library import, as plain data for a worker thread (server/jobs): a 250,000-row CSV
 * took seconds of parsing, and in the request thread /healthz waited 3.5 s for it. The request
 * thread now only receives the bounded upload and writes what the worker read and checked.
 * Apart from library-jobs.ts, which imports the readers: the pool's main side needs only these.
 */
export type LibraryJob =
  | { format: "library-preview"; file: { name: string; bytes: Uint8Array }; mapping?: ColumnMapping; provenance: Provenance }
  /** `stopOnBadRows`: an all-or-nothing import, whose records are not sent when any row is bad. */
  | { format: "library-recommendations"; file: { name: string; bytes: Uint8Array }; mapping?: ColumnMapping; provenance: Provenance; stopOnBadRows: boolean }
  | { format: "library-sources"; file: { name: string; bytes: Uint8Array }; provenance: Provenance };

export const isLibraryJob = (job: { format: string }): job is LibraryJob => job.format.startsWith("library-");
