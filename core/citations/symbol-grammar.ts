import type { SymbolIssue } from "./un-symbol";
import { isCountryCode, TERRITORIES } from "./symbol-repair";
import { isTreatySeries } from "./symbol-series";
import { COMMISSION_YEARS, lastSecurityCouncilResolution, lastSession, MAX_PERIODIC_REPORT, SESSION_BOUNDS, type SessionBody } from "./un-sessions";

/**
 * The grammar of each family of human-rights symbols (docs/domain.md §3b–c) and the plausible range of
 * its numbers: what a symbol of the right outline can still get wrong ("A/HRC/255/5", "CAT/C/CHN/CO",
 * "A/RES/68"). Each problem is said in words; none of these has a certain correction.
 */
export function grammarIssues(symbol: string, year: number): SymbolIssue[] {
  const issues: SymbolIssue[] = [];
  const say = (message: string, severity: SymbolIssue["severity"] = "error") => issues.push({ severity, message });
  const segments = symbol.replace(/\*$/, "").split("/");
  let end = segments.length;
  while (end > 1 && /^(?:(?:Add|Corr|Rev|Amend)(?:\..*)?|Summary)$/.test(segments[end - 1]!)) end--;
  for (const final of segments.slice(end)) {
    const number = /^(?:Add|Corr|Rev|Amend)(?:\.(\d+))?$/.exec(final);
    if (final === "Summary") continue;
    if (!number) say(`“${final}” should be a word and a number, like “Add.1”.`);
    else if (number[1] === undefined) say(`“${final}” needs its number: ${final}.1, ${final}.2 …`);
    else if (Number(number[1]) === 0) say(`“${final}”: the numbers start at 1.`);
  }
  const core = segments.slice(0, end);
  const [series, second] = core;
  const context = { say, year, modified: end < segments.length };
  if (series === "A" && second === "HRC") humanRightsCouncil(core.slice(2), context);
  else if (series === "A") generalAssembly(core.slice(1), context);
  else if (series === "S") securityCouncil(core.slice(1), context);
  else if (series === "E" && second === "C.12") treatyBody("CESCR", core.slice(2), context);
  else if (series === "E" && second === "CN.4") commission(core.slice(2), context);
  else if (isTreatySeries(series!) && second === "C") treatyBody(series, core.slice(2), context);
  else if (series === "HRI" && (second === "MC" || second === "ICM")) yearIn(core[2], 1984, context, `HRI/${second}`);
  return issues;
}

interface Context {
  say: (message: string, severity?: SymbolIssue["severity"]) => void;
  year: number;
  /** Whether Add., Rev. or Corr. follow the core ("E/CN.4/2006/Add.6" needs no number of its own). */
  modified: boolean;
}

const isNumber = (segment: string | undefined): segment is string => segment !== undefined && /^\d+$/.test(segment);

/** A session number within what the body has held: "Session 255 of the Human Rights Council has not taken place". */
function session(value: string, body: SessionBody, { say, year }: Context): void {
  const n = Number(value);
  const last = lastSession(body, year);
  if (n === 0) say(`There is no session 0 of ${SESSION_BOUNDS[body].name}.`);
  else if (n > last) say(`Session ${n} of ${SESSION_BOUNDS[body].name} has not taken place (its documents go up to session ${last} in ${year}).`);
}

function yearIn(value: string | undefined, first: number, { say, year }: Context, what: string, last = year): void {
  if (!isNumber(value)) return;
  const n = Number(value);
  if (n < first || n > last) say(`${what} documents carry a year from ${first} to ${last}; “${value}” cannot be right.`);
}

function country(code: string, { say }: Context): void {
  const [state, territory] = code.split("-");
  if (!isCountryCode(state!)) say(`“${state}” is not the ISO code of a UN member or observer State.`, "warning");
  if (territory !== undefined && !(territory in TERRITORIES)) say(`“${territory}” is not a territory the UN writes after a country code.`, "warning");
}

const nothingAfter = (rest: string[], from: number, context: Context, example: string) => {
  if (rest.length > from) context.say(`“${rest.slice(from).join("/")}” does not belong after ${example}.`);
};

// A/HRC/{session}/{n}, A/HRC/RES|DEC|PRST/{session}/{n}, A/HRC/WG.6/{session}/{ISO3}/{1|2|3}.
function humanRightsCouncil(rest: string[], context: Context): void {
  const { say } = context;
  const [first, second, third, fourth] = rest;
  if (first === undefined) return say("“A/HRC” alone names no document: the session and number follow (A/HRC/25/5).");
  if (first === "RES" || first === "DEC" || first === "PRST") {
    if (second === undefined) return say(`The session and number of the ${first === "PRST" ? "statement" : first === "DEC" ? "decision" : "resolution"} are missing (A/HRC/${first}/25/1).`);
    if (isNumber(second)) session(second, "HRC", context);
    else if (!/^S-\d{1,2}$/.test(second)) return say(`After A/HRC/${first}/ comes the session number, not “${second}”.`);
    if (third === undefined) return say(`The ${first === "PRST" ? "statement" : first === "DEC" ? "decision" : "resolution"}'s own number is missing (A/HRC/${first}/${second}/1).`);
    if (!isNumber(third) || Number(third) === 0) say(`“${third}” should be the ${first === "RES" ? "resolution" : "document"}'s number.`);
    return nothingAfter(rest, 3, context, `the ${first === "RES" ? "resolution" : "document"}'s number`);
  }
  if (first === "WG.6") {
    if (second === undefined || !isNumber(second)) return say("A UPR Working Group symbol needs the session, the State and the document (A/HRC/WG.6/48/SVN/3).");
    session(second, "UPR", context);
    if (third === undefined) return say("This names a UPR Working Group session, not a document: the State's code and 1, 2 or 3 are missing (A/HRC/WG.6/48/SVN/3).");
    if (/^[A-Z]{3}$/.test(third)) country(third, context);
    else say(`“${third}” should be the State's three-letter ISO code (CHN, SVN).`);
    if (fourth === undefined) return say("The document number is missing: 1 (national report), 2 (UN compilation) or 3 (stakeholders' summary).");
    if (!/^[123]$/.test(fourth)) say(`UPR Working Group documents end in 1 (national report), 2 (UN compilation) or 3 (stakeholders' summary), not “${fourth}”.`);
    return nothingAfter(rest, 4, context, "the document number");
  }
  if (/^(?:WG\.\d+|WGAD|AC|S-\d{1,2}|Sub\.\d+)$/.test(first)) return;
  if (!isNumber(first)) return say(`After “A/HRC/” comes the session number (A/HRC/25/5), RES, DEC, PRST or WG.6, not “${first}”.`);
  session(first, "HRC", context);
  if (second === undefined) return say("This names a session, not a document: is the document number missing (A/HRC/25/5)?");
  if (isNumber(second)) {
    if (Number(second) === 0 || second.length > 3) say(`“${second}” cannot be a document number of a Council session.`);
  } else if (!/^(?:L\.\d+|CRP\.\d+|NGO|G|INF|Misc\.\d+)$/.test(second)) say(`“${second}” is not a document number (A/HRC/${first}/5).`);
  if (/^(?:NGO|G|INF)$/.test(second) && !isNumber(third)) say(`The number after “${second}” is missing (A/HRC/${first}/${second}/1).`);
}

// A/{session}/{n}, A/RES/{session}/{n}, A/C.3/{session}/…; "A/6316" is an older document number.
function generalAssembly(rest: string[], context: Context): void {
  const [first, second, third] = rest;
  if (first === "RES") {
    if (second === undefined) return context.say("The session and number of the resolution are missing (A/RES/68/268).");
    if (isNumber(second)) session(second, "GA", context);
    else if (!/^ES-\d{1,2}$/.test(second)) return context.say(`After “A/RES/” comes the session number, not “${second}”.`);
    if (third === undefined) return context.say(`The resolution's own number is missing (A/RES/${second}/1).`);
    if (!isNumber(third) || Number(third) === 0) context.say(`“${third}” should be the resolution's number.`);
    return nothingAfter(rest, 3, context, "the resolution's number");
  }
  // A two-part symbol with a session: "A/68/268"; "A/6316" alone is a document of the early sessions.
  if (isNumber(first) && second !== undefined && first.length <= 2) session(first, "GA", context);
  else if (first !== undefined && /^C\.\d$/.test(first) && isNumber(second)) session(second, "GA", context);
}

// S/RES/{n}, S/{year}/{n}, S/PRST/{year}/{n}.
function securityCouncil(rest: string[], context: Context): void {
  const [first, second] = rest;
  if (first === "RES") {
    if (second === undefined) return context.say("The resolution's number is missing (S/RES/1019).");
    if (!isNumber(second) || Number(second) === 0) return context.say(`“${second}” should be the resolution's number.`);
    const last = lastSecurityCouncilResolution(context.year);
    if (Number(second) > last) context.say(`The Security Council has adopted about ${last.toLocaleString("en")} resolutions; ${second} cannot be right.`);
    return nothingAfter(rest, 2, context, "the resolution's number");
  }
  if (first === "PRST") return yearIn(second, 1994, context, "S/PRST");
  if (first?.length === 4) yearIn(first, 1994, context, "Security Council");
}

// E/CN.4/{year}/{n}: the Commission on Human Rights, until 2006.
function commission(rest: string[], context: Context): void {
  const [first] = rest;
  if (first === undefined) return context.say("“E/CN.4” alone names no document: the year and number follow (E/CN.4/2006/7).");
  if (isNumber(first) && first.length === 4) {
    yearIn(first, COMMISSION_YEARS.first, context, "The Commission on Human Rights (E/CN.4) met until 2006: its", COMMISSION_YEARS.last);
    if (rest.length === 1 && !context.modified) context.say(`The document's number is missing (E/CN.4/${first}/1).`);
  }
}

const COUNTRY_DOCUMENTS: Record<string, string> = { CO: "concluding observations", Q: "list of issues", QPR: "list of issues prior to reporting", RQ: "replies to the list of issues", FCO: "follow-up", OAI: "additional information" };

/** A periodic report's number or combined numbers: 5, 7-8, 14-17. */
function reportNumber(value: string, { say }: Context): void {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!match) return say(`“${value}” should be the report's number (5) or combined numbers (7-8).`);
  const [n, m] = [Number(match[1]), match[2] === undefined ? undefined : Number(match[2])];
  if (n === 0) return say(`Report numbers start at 1: check “${value}”.`);
  const highest = Math.max(n, m ?? 0);
  if (highest > MAX_PERIODIC_REPORT) return say(`No State has submitted ${highest} reports to one committee: check “${value}”.`);
  if (m !== undefined && (m <= n || m - n > 5)) say(`Combined reports run upwards by a few: “${value}” cannot be right (7-8, 14-17).`);
}

// {TB}/C/{ISO3}/CO/{n}, {TB}/C/{ISO3}/{n}, {TB}/C/GC/{n}, {TB}/C/{session}/{n}; CESCR without "/C".
function treatyBody(body: SessionBody, rest: string[], context: Context): void {
  const { say } = context;
  const prefix = body === "CESCR" ? "E/C.12" : `${body}/C`;
  const parts = rest[0] === "OPAC" || rest[0] === "OPSC" ? rest.slice(1) : rest;
  const [first, second, third] = parts;
  if (first === undefined) return say(`“${prefix}” alone names no document.`);
  if (first === "GC") {
    if (second === undefined) return say(`The general comment's number is missing (${prefix}/GC/1).`);
    if (!isNumber(second) || Number(second) === 0 || Number(second) > 60) say(`“${second}” cannot be the number of a general comment.`);
    return;
  }
  if (/^[A-Z]{3}(?:-[A-Z]{3})?$/.test(first)) {
    country(first, context);
    if (second === undefined) return say(`This names a State, not a document: the document follows the State's code (${prefix}/${first}/CO/1 for concluding observations).`);
    const kind = COUNTRY_DOCUMENTS[second];
    if (kind) {
      if (third === undefined) return say(`The report's number is missing after “${second}” (${kind}): ${prefix}/${first}/${second}/1.`);
      reportNumber(third, context);
      return nothingAfter(parts, 3, context, "the report's number");
    }
    if (/^\d/.test(second)) {
      reportNumber(second, context);
      return nothingAfter(parts, 2, context, "the report's number");
    }
    return say(`“${second}” is not a part Caucus knows after the State's code (CO, Q, QPR, RQ or a report number).`, "warning");
  }
  // {TB}/C/{session}/{n}: a number with more after it is a session; alone, a document number (CERD/C/506).
  if (isNumber(first) && second !== undefined) session(first, body, context);
}
