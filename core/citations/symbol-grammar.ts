import { message, type MessageId, type MessageValues } from "../i18n/message";
import type { SymbolIssue } from "./un-symbol";
import { isCountryCode, TERRITORIES } from "./symbol-repair";
import { isTreatySeries } from "./symbol-series";
import { COMMISSION_YEARS, lastSecurityCouncilResolution, lastSession, MAX_PERIODIC_REPORT, type SessionBody } from "./un-sessions";

/**
 * The grammar of each family of human-rights symbols (docs/domain.md §3b–c) and the plausible range of
 * its numbers: what a symbol of the right outline can still get wrong ("A/HRC/255/5", "CAT/C/CHN/CO",
 * "A/RES/68"). Each problem is a catalogue message (checks.symbol.*); none of these has a certain correction.
 */
export function grammarIssues(symbol: string, year: number): SymbolIssue[] {
  const issues: SymbolIssue[] = [];
  const say: Say = (id, values, severity = "error") => issues.push({ severity, message: message(id, values) });
  const segments = symbol.replace(/\*$/, "").split("/");
  let end = segments.length;
  while (end > 1 && /^(?:(?:Add|Corr|Rev|Amend)(?:\..*)?|Summary)$/.test(segments[end - 1]!)) end--;
  for (const final of segments.slice(end)) {
    const number = /^(?:Add|Corr|Rev|Amend)(?:\.(\d+))?$/.exec(final);
    if (final === "Summary") continue;
    if (!number) say("checks.symbol.final.wordAndNumber", { final });
    else if (number[1] === undefined) say("checks.symbol.final.needsNumber", { final });
    else if (Number(number[1]) === 0) say("checks.symbol.final.startsAtOne", { final });
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
  else if (series === "HRI" && (second === "MC" || second === "ICM")) yearIn(core[2], 1984, context, "checks.symbol.year.series", `HRI/${second}`);
  return issues;
}

type Say = (id: MessageId, values?: MessageValues, severity?: SymbolIssue["severity"]) => void;

interface Context {
  say: Say;
  year: number;
  /** Whether Add., Rev. or Corr. follow the core ("E/CN.4/2006/Add.6" needs no number of its own). */
  modified: boolean;
}

const isNumber = (segment: string | undefined): segment is string => segment !== undefined && /^\d+$/.test(segment);

/** A session number within what the body has held: "Session 255 of the Human Rights Council has not taken place". */
function session(value: string, body: SessionBody, { say, year }: Context): void {
  const n = Number(value);
  const last = lastSession(body, year);
  if (n === 0) say("checks.symbol.session.zero", { body });
  else if (n > last) say("checks.symbol.session.future", { body, n, last, year });
}

/** A year segment within the years the series has documents for; `series` names it in the message when it asks. */
function yearIn(value: string | undefined, first: number, { say, year }: Context, id: MessageId, series = "", last = year): void {
  if (!isNumber(value)) return;
  const n = Number(value);
  if (n < first || n > last) say(id, { series, first, last, value });
}

function country(code: string, { say }: Context): void {
  const [state, territory] = code.split("-");
  if (!isCountryCode(state!)) say("checks.symbol.country.unknown", { code: state! }, "warning");
  if (territory !== undefined && !(territory in TERRITORIES)) say("checks.symbol.country.territory", { code: territory }, "warning");
}

/** What a symbol ends with, in checks.symbol.extra: the resolution's number, the document's number… */
type Ending = "resolution" | "document" | "documentNumber" | "report";

const nothingAfter = (rest: string[], from: number, context: Context, after: Ending) => {
  if (rest.length > from) context.say("checks.symbol.extra", { extra: rest.slice(from).join("/"), after });
};

// A/HRC/{session}/{n}, A/HRC/RES|DEC|PRST/{session}/{n}, A/HRC/WG.6/{session}/{ISO3}/{1|2|3}.
function humanRightsCouncil(rest: string[], context: Context): void {
  const { say } = context;
  const [first, second, third, fourth] = rest;
  if (first === undefined) return say("checks.symbol.hrc.alone");
  if (first === "RES" || first === "DEC" || first === "PRST") {
    if (second === undefined) return say("checks.symbol.hrc.actMissing", { kind: first });
    if (isNumber(second)) session(second, "HRC", context);
    else if (!/^S-\d{1,2}$/.test(second)) return say("checks.symbol.hrc.actSession", { kind: first, value: second });
    if (third === undefined) return say("checks.symbol.hrc.actNumberMissing", { kind: first, session: second });
    if (!isNumber(third) || Number(third) === 0) say("checks.symbol.hrc.actNumber", { kind: first, value: third });
    return nothingAfter(rest, 3, context, first === "RES" ? "resolution" : "document");
  }
  if (first === "WG.6") {
    if (second === undefined || !isNumber(second)) return say("checks.symbol.upr.needsParts");
    session(second, "UPR", context);
    if (third === undefined) return say("checks.symbol.upr.sessionOnly");
    if (/^[A-Z]{3}$/.test(third)) country(third, context);
    else say("checks.symbol.upr.state", { value: third });
    if (fourth === undefined) return say("checks.symbol.upr.numberMissing");
    if (!/^[123]$/.test(fourth)) say("checks.symbol.upr.number", { value: fourth });
    return nothingAfter(rest, 4, context, "documentNumber");
  }
  if (/^(?:WG\.\d+|WGAD|AC|S-\d{1,2}|Sub\.\d+)$/.test(first)) return;
  if (!isNumber(first)) return say("checks.symbol.hrc.afterPrefix", { value: first });
  session(first, "HRC", context);
  if (second === undefined) return say("checks.symbol.hrc.sessionOnly");
  if (isNumber(second)) {
    if (Number(second) === 0 || second.length > 3) say("checks.symbol.hrc.badNumber", { value: second });
  } else if (!/^(?:L\.\d+|CRP\.\d+|NGO|G|INF|Misc\.\d+)$/.test(second)) say("checks.symbol.hrc.notNumber", { value: second, session: first });
  if (/^(?:NGO|G|INF)$/.test(second) && !isNumber(third)) say("checks.symbol.hrc.numberAfter", { value: second, session: first });
}

// A/{session}/{n}, A/RES/{session}/{n}, A/C.3/{session}/…; "A/6316" is an older document number.
function generalAssembly(rest: string[], context: Context): void {
  const [first, second, third] = rest;
  if (first === "RES") {
    if (second === undefined) return context.say("checks.symbol.ga.resMissing");
    if (isNumber(second)) session(second, "GA", context);
    else if (!/^ES-\d{1,2}$/.test(second)) return context.say("checks.symbol.ga.resSession", { value: second });
    if (third === undefined) return context.say("checks.symbol.ga.resNumberMissing", { session: second });
    if (!isNumber(third) || Number(third) === 0) context.say("checks.symbol.resolutionNumber", { value: third });
    return nothingAfter(rest, 3, context, "resolution");
  }
  // A two-part symbol with a session: "A/68/268"; "A/6316" alone is a document of the early sessions.
  if (isNumber(first) && second !== undefined && first.length <= 2) session(first, "GA", context);
  else if (first !== undefined && /^C\.\d$/.test(first) && isNumber(second)) session(second, "GA", context);
}

// S/RES/{n}, S/{year}/{n}, S/PRST/{year}/{n}.
function securityCouncil(rest: string[], context: Context): void {
  const [first, second] = rest;
  if (first === "RES") {
    if (second === undefined) return context.say("checks.symbol.sc.resMissing");
    if (!isNumber(second) || Number(second) === 0) return context.say("checks.symbol.resolutionNumber", { value: second });
    const last = lastSecurityCouncilResolution(context.year);
    if (Number(second) > last) context.say("checks.symbol.sc.tooMany", { last, value: second });
    return nothingAfter(rest, 2, context, "resolution");
  }
  if (first === "PRST") return yearIn(second, 1994, context, "checks.symbol.year.series", "S/PRST");
  if (first?.length === 4) yearIn(first, 1994, context, "checks.symbol.year.securityCouncil");
}

// E/CN.4/{year}/{n}: the Commission on Human Rights, until 2006.
function commission(rest: string[], context: Context): void {
  const [first] = rest;
  if (first === undefined) return context.say("checks.symbol.commission.alone");
  if (isNumber(first) && first.length === 4) {
    yearIn(first, COMMISSION_YEARS.first, context, "checks.symbol.year.commission", "", COMMISSION_YEARS.last);
    if (rest.length === 1 && !context.modified) context.say("checks.symbol.commission.numberMissing", { year: first });
  }
}

/** The kinds of country document after a State's code (named in checks.symbol.tb.reportMissing). */
const COUNTRY_DOCUMENTS = new Set(["CO", "Q", "QPR", "RQ", "FCO", "OAI"]);

/** A periodic report's number or combined numbers: 5, 7-8, 14-17. */
function reportNumber(value: string, { say }: Context): void {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!match) return say("checks.symbol.report.notNumber", { value });
  const [n, m] = [Number(match[1]), match[2] === undefined ? undefined : Number(match[2])];
  if (n === 0) return say("checks.symbol.report.zero", { value });
  const highest = Math.max(n, m ?? 0);
  if (highest > MAX_PERIODIC_REPORT) return say("checks.symbol.report.tooMany", { highest, value });
  if (m !== undefined && (m <= n || m - n > 5)) say("checks.symbol.report.combined", { value });
}

// {TB}/C/{ISO3}/CO/{n}, {TB}/C/{ISO3}/{n}, {TB}/C/GC/{n}, {TB}/C/{session}/{n}; CESCR without "/C".
function treatyBody(body: SessionBody, rest: string[], context: Context): void {
  const { say } = context;
  const prefix = body === "CESCR" ? "E/C.12" : `${body}/C`;
  const parts = rest[0] === "OPAC" || rest[0] === "OPSC" ? rest.slice(1) : rest;
  const [first, second, third] = parts;
  if (first === undefined) return say("checks.symbol.tb.alone", { prefix });
  if (first === "GC") {
    if (second === undefined) return say("checks.symbol.tb.gcMissing", { prefix });
    if (!isNumber(second) || Number(second) === 0 || Number(second) > 60) say("checks.symbol.tb.gcNumber", { value: second });
    return;
  }
  if (/^[A-Z]{3}(?:-[A-Z]{3})?$/.test(first)) {
    country(first, context);
    if (second === undefined) return say("checks.symbol.tb.stateOnly", { prefix, state: first });
    if (COUNTRY_DOCUMENTS.has(second)) {
      if (third === undefined) return say("checks.symbol.tb.reportMissing", { prefix, state: first, kind: second });
      reportNumber(third, context);
      return nothingAfter(parts, 3, context, "report");
    }
    if (/^\d/.test(second)) {
      reportNumber(second, context);
      return nothingAfter(parts, 2, context, "report");
    }
    return say("checks.symbol.tb.unknownPart", { value: second }, "warning");
  }
  // {TB}/C/{session}/{n}: a number with more after it is a session; alone, a document number (CERD/C/506).
  if (isNumber(first) && second !== undefined) session(first, body, context);
}
