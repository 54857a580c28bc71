/**
 * How far the numbers in UN symbols can go: the sessions held (or whose documents are already
 * issued) by the end of AS_OF_YEAR, and how many a year follow, so a symbol with a session that
 * cannot have happened yet ("A/HRC/255/5") is reported, and the bounds do not go stale as years
 * pass. Upper bounds with a little headroom, from the bodies' session pages as remembered (docs/domain.md
 * confidence U): they catch impossible numbers, they do not prove a document exists.
 */
export const AS_OF_YEAR = 2026;

export interface SessionBound {
  /** Who holds the sessions, for messages: "the Human Rights Council". */
  name: string;
  /** The highest session number a document can carry by the end of AS_OF_YEAR. */
  last: number;
  perYear: number;
}

export const SESSION_BOUNDS = {
  // GA 81 opens in September 2026.
  GA: { name: "the General Assembly", last: 81, perYear: 1 },
  // Three regular sessions a year: 61–63 in 2026; documents for 64 (February 2027) are issued in advance.
  HRC: { name: "the Human Rights Council", last: 64, perYear: 3 },
  // UPR Working Group: 51–53 in 2026; documents for 54 are issued months ahead.
  UPR: { name: "the UPR Working Group", last: 54, perYear: 3 },
  CAT: { name: "the Committee against Torture", last: 86, perYear: 3 },
  CCPR: { name: "the Human Rights Committee", last: 149, perYear: 3 },
  CEDAW: { name: "the CEDAW Committee", last: 96, perYear: 3 },
  CRC: { name: "the Committee on the Rights of the Child", last: 104, perYear: 3 },
  CERD: { name: "the CERD Committee", last: 121, perYear: 3 },
  CESCR: { name: "the CESCR Committee", last: 81, perYear: 2 },
  CRPD: { name: "the CRPD Committee", last: 37, perYear: 2 },
  CMW: { name: "the Committee on Migrant Workers", last: 44, perYear: 2 },
  CED: { name: "the Committee on Enforced Disappearances", last: 32, perYear: 2 },
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
