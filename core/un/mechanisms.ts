/**
 * The UN human-rights mechanisms a coalition writes to. Ids are the bodies' own abbreviations
 * (CCPR is the Human Rights Committee), so they read naturally in document symbols and exports.
 */
export const MECHANISMS = [
  { id: "UPR", kind: "upr", name: "Universal Periodic Review" },
  { id: "CESCR", kind: "treaty", name: "Committee on Economic, Social and Cultural Rights" },
  { id: "CCPR", kind: "treaty", name: "Human Rights Committee" },
  { id: "CAT", kind: "treaty", name: "Committee against Torture" },
  { id: "CEDAW", kind: "treaty", name: "Committee on the Elimination of Discrimination against Women" },
  { id: "CRC", kind: "treaty", name: "Committee on the Rights of the Child" },
  { id: "CERD", kind: "treaty", name: "Committee on the Elimination of Racial Discrimination" },
  { id: "CRPD", kind: "treaty", name: "Committee on the Rights of Persons with Disabilities" },
  { id: "CMW", kind: "treaty", name: "Committee on Migrant Workers" },
  { id: "CED", kind: "treaty", name: "Committee on Enforced Disappearances" },
  { id: "SP", kind: "special-procedure", name: "Special Procedures (rapporteurs, working groups)" },
] as const;

export type MechanismId = (typeof MECHANISMS)[number]["id"];
export const MECHANISM_IDS = MECHANISMS.map((m) => m.id) as [MechanismId, ...MechanismId[]];

export function mechanismName(id: string): string {
  return MECHANISMS.find((m) => m.id === id)?.name ?? id;
}
