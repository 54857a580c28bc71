/**
 * How far the numbers in UN symbols can go: the sessions held (or whose documents are already
 * issued) by the end of AS_OF_YEAR, and how many a year follow, so a symbol with a session that
 * cannot have happened yet ("A/HRC/255/5") is reported, and the bounds do not go stale as years
 * pass. Upper bounds with a little headroom, from the bodies' session pages as remembered (docs/domain.md
 * confidence U): they catch impossible numbers, they do not prove a document exists.
 */
export const AS_OF_YEAR = 2026;

/** A body's sessions (the messages name each body by its key: checks.symbol.session.*). */
export interface SessionBound {
  /** The highest session number a document can carry by the end of AS_OF_YEAR. */
  last: number;
  perYear: number;
}

export const SESSION_BOUNDS = {
  // GA 81 opens in September 2026.
  GA: { last: 81, perYear: 1 },
  // Three regular sessions a year: 61–63 in 2026; documents for 64 (February 2027) are issued in advance.
  HRC: { last: 64, perYear: 3 },
  // UPR Working Group: 51–53 in 2026; documents for 54 are issued months ahead.
  UPR: { last: 54, perYear: 3 },
  CAT: { last: 86, perYear: 3 },
  CCPR: { last: 149, perYear: 3 },
  CEDAW: { last: 96, perYear: 3 },
  CRC: { last: 104, perYear: 3 },
  CERD: { last: 121, perYear: 3 },
  CESCR: { last: 81, perYear: 2 },
  CRPD: { last: 37, perYear: 2 },
  CMW: { last: 44, perYear: 2 },
  CED: { last: 32, perYear: 2 },
} as const satisfies Record<string, SessionBound>;

export type SessionBody = keyof typeof SESSION_BOUNDS;

/** Security Council resolutions: about 2,850 by the end of 2026, some 60 a year. */
const SC_RESOLUTIONS = { last: 2850, perYear: 60 };

/** The year the checks judge by: this year, never earlier than the data's own. */
export function judgingYear(year?: number): number {
  return Math.max(AS_OF_YEAR, year ?? new Date().getUTCFullYear());
}

export function lastSession(body: SessionBody, year: number): number {
  const bound = SESSION_BOUNDS[body];
  return bound.last + bound.perYear * (year - AS_OF_YEAR);
}

export function lastSecurityCouncilResolution(year: number): number {
  return SC_RESOLUTIONS.last + SC_RESOLUTIONS.perYear * (year - AS_OF_YEAR);
}

/** The most periodic reports a State has submitted to one committee (CERD's combined reports reach the 20s). */
export const MAX_PERIODIC_REPORT = 30;

/** The Commission on Human Rights (E/CN.4) met from 1947 until the Council replaced it in 2006. */
export const COMMISSION_YEARS = { first: 1946, last: 2006 } as const;
