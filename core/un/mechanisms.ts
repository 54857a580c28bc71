import ar from "../../locales/document/ar.json";
import es from "../../locales/document/es.json";
import fr from "../../locales/document/fr.json";
import ru from "../../locales/document/ru.json";
import zh from "../../locales/document/zh.json";
import type { DocumentLanguage } from "../i18n/locales";

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

// The printed catalogues read directly, not through printed.ts: printed.ts imports MECHANISMS.
const PRINTED_NAMES: Record<Exclude<DocumentLanguage, "en">, Readonly<Record<string, string>>> = { ar, zh, fr, ru, es };

/**
 * A mechanism's name in `language` (default English): the UN's own name, as its documents in that
 * language print it (locales/document, the same names core/un/printed.ts prints), so the interface
 * and the printed submission agree; an unknown id as given.
 */
export function mechanismName(id: string, language: DocumentLanguage = "en"): string {
  const known = MECHANISMS.find((m) => m.id === id);
  if (!known) return id;
  if (language === "en") return known.name;
  return PRINTED_NAMES[language][`document.mechanism.${known.id}`] ?? known.name;
}
