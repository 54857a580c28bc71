/**
 * Versions of a draft (issue 21, decision 023): what the server stores, what the History panel,
 * the version page and the compare page exchange. Pure data, no behaviour.
 */
import type { Cover } from "../editor/cover";

/**
 * Why a version exists. `session`: a session of work, made automatically (thinned as it ages);
 * `named`: someone named the state; `status`, `import`, `restore` (the state just before a
 * restore), `submitted`: made automatically at those moments. Only `session` versions thin.
 */
export const VERSION_KINDS = ["session", "named", "status", "import", "restore", "submitted"] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const VERSION_NAME_MAX_CHARS = 200;

/** A person who changed the draft in a version's session, with their organisation then. */
export interface VersionPerson {
  userId: string | null;
  organisationId: string | null;
}

/** Counted words added and removed by one organisation (null: no organisation or unknown). */
export interface OrganisationChange {
  organisationId: string | null;
  added: number;
  removed: number;
}

/**
 * Who wrote each character of the version's text: for each textblock in document order (as
 * core/versions/blocks.ts walks them, footnote paragraphs where their notes are), run lengths of
 * [client index, characters] over the block's text; `clients` maps a client index to the user
 * (null when nobody can be named). Kept small: most paragraphs are one run.
 */
export interface Authorship {
  clients: Array<string | null>;
  blocks: Array<Array<[number, number]>>;
}

export const EMPTY_AUTHORSHIP: Authorship = { clients: [], blocks: [] };

/** One version as the History panel lists it (no content). */
export interface VersionSummary {
  id: string;
  kind: VersionKind;
  name: string | null;
  words: number;
  added: number;
  removed: number;
  /** By organisation, named for the reader (null: no organisation, or several people of different ones). */
  byOrganisation: Array<{ organisation: string | null; added: number; removed: number }>;
  /** Names resolved for the reader; organisation acronym or name, confidential included (members only). */
  people: Array<{ name: string; organisation: string | null }>;
  createdBy: string | null;
  startedAt: string;
  createdAt: string;
  /** A submitted version's stored file. */
  export: { id: string; fileName: string; sha256: string } | null;
  contentSha256: string;
}

/** A version's readable content: the canonical body (ProseMirror JSON) and the cover. */
export interface VersionContent {
  content: Record<string, unknown>;
  cover: Cover;
  authorship: Authorship;
}
