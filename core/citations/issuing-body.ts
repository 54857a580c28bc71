import { mechanismName } from "../un/mechanisms";
import { parseUnSymbol } from "./un-symbol";

/**
 * Who issued a source, named the way the UN names itself: NGO notes write "U.N. Human Rights
 * Council" or "UN Committee on … (CESCR)"; the library, search and footnotes want one name per organ.
 */

// UN organs as NGO notes name them ("U.N. Human Rights Council"), and as the UN names itself.
const UN_PREFIX = /^(?:the\s+)?(?:U\.\s?N\.|UN|United Nations)\s+(?=(?:Human Rights|General Assembly|Security Council|Office of the|Committee|Commission|Secretary|Economic and Social|Special|Working Group|Independent Expert|High Commissioner))/i;
const UN_BODY = /^(?:Human Rights Council|Human Rights Committee|General Assembly|Security Council|Economic and Social Council|Commission on Human Rights|Committee (?:on|against)\b.*|Office of the United Nations High Commissioner for Human Rights|Secretary-General|Special Rapporteur\b.*|Working Group\b.*|Independent Expert\b.*)$/i;

/** "U.N. Human Rights Council" → "Human Rights Council": UN organs by the names the UN uses. */
export function normaliseIssuingBody(name: string): string {
  let body = name.replace(/\s+/g, " ").replace(/^(?:see\s+)?(?:the\s+)?/i, "").replace(/[\s,;:]+$/, "").trim();
  if (/^(?:U\.\s?N\.|UN) Office of the High Commissioner (?:for|of) Human Rights$/i.test(body)) {
    return "Office of the United Nations High Commissioner for Human Rights";
  }
  body = body.replace(UN_PREFIX, "");
  // "Committee on Economic, Social and Cultural Rights (CESCR)": the acronym is not the name.
  if (UN_BODY.test(body.replace(/\s*\([A-Z]{2,8}\)$/, ""))) body = body.replace(/\s*\([A-Z]{2,8}\)$/, "");
  return body;
}

/** The organ a UN document comes from, read off its symbol: A/HRC → Human Rights Council, CAT → Committee against Torture. */
export function issuingBodyOfSymbol(symbol: string): string | null {
  const parsed = parseUnSymbol(symbol);
  if (!parsed.valid) return null;
  const s = parsed.normalised;
  if (s.startsWith("A/HRC/")) return "Human Rights Council";
  if (s.startsWith("E/CN.4/")) return "Commission on Human Rights";
  if (parsed.body && parsed.body !== "UPR") return mechanismName(parsed.body);
  if (s.startsWith("A/")) return "General Assembly";
  if (s.startsWith("S/")) return "Security Council";
  if (s.startsWith("E/")) return "Economic and Social Council";
  return null;
}

/** Whether an issuer is a UN organ or office, whatever prefix the note gave it. */
export function isUnBody(name: string): boolean {
  return /^(?:U\.\s?N\.|UN|United Nations)\b/i.test(name.trim()) || UN_BODY.test(normaliseIssuingBody(name));
}
