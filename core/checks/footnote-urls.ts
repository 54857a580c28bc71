import type { Finding } from "./finding";
import { message, type MessageId, type MessageValues } from "../i18n/message";
import { factsOf, noteLocation, type NoteView } from "./footnote-notes";
import { memoByNode } from "./node-memo";

// "See", "Available at:" and the final full stop are not part of what the note cites.
const LEAD = /^\s*(?:see(?:\s+also)?,?|available\s+(?:at|from):?)\s*/i;

/** Nothing but one address, after an optional "See" or "Available at:" and before a full stop. */
const isBareUrl = memoByNode((node) => {
  const { typed, urls } = factsOf(node);
  if (urls.length !== 1) return false;
  const [url] = urls;
  return /^\s*$/.test(typed.slice(0, url!.start).replace(LEAD, "")) && /^[\s.,;]*$/.test(typed.slice(url!.end));
});

/** `footnote.bare-url`: a note that is nothing but an address (docs/domain.md §5a.8). */
export function bareUrlFindings(notes: NoteView[]): Finding[] {
  const findings: Finding[] = [];
  for (const note of notes) {
    if (note.citations.length > 0 || !isBareUrl(note.node)) continue;
    findings.push({
      rule: "footnote.bare-url",
      severity: "warning",
      message: message("checks.footnote.bareUrl", { n: note.number }),
      location: noteLocation(note),
    });
  }
  return findings;
}

// Any "scheme://…", and the schemes that work without "//" and must never be in a submission.
const SCHEMED = /\b(?:[a-z][a-z0-9+.-]*:\/\/|(?:javascript|data|file|vbscript|mailto):)[^\s<>"“”]*/gi;
// "http:/example.org" or "https:www.example.org": the slashes are missing.
const MISSING_SLASHES = /\bhttps?:(?!\/\/)[^\s<>"“”]+/gi;

/** What is wrong with one address: a checks.footnote.badUrl.* message and its values, without the note's number. */
type UrlProblem = { id: MessageId; values: MessageValues };

/** Why an http(s) or "www." address cannot be followed, or null when it can. */
function urlProblem(url: string): UrlProblem | null {
  let parsed: URL;
  try {
    parsed = new URL(/^https?:\/\//i.test(url) ? url : `http://${url}`);
  } catch {
    return { id: "checks.footnote.badUrl.invalid", values: { url } };
  }
  if (!parsed.hostname.includes(".") || /\.\.|^\.|\.$/.test(parsed.hostname)) return { id: "checks.footnote.badUrl.domain", values: { url, host: parsed.hostname } };
  return null;
}

/** What is wrong with each address a note holds, read once per note node. */
const urlProblems = memoByNode((node) => {
  const { typed, urls } = factsOf(node);
  const problems: UrlProblem[] = [];
  for (const match of typed.matchAll(SCHEMED)) {
    const scheme = match[0].slice(0, match[0].indexOf(":")).toLowerCase();
    if (scheme === "http" || scheme === "https") continue;
    problems.push({ id: "checks.footnote.badUrl.scheme", values: { url: match[0].replace(/[.,;:]+$/, ""), scheme } });
  }
  for (const match of typed.matchAll(MISSING_SLASHES)) {
    problems.push({ id: "checks.footnote.badUrl.slashes", values: { url: match[0].replace(/[.,;:]+$/, ""), scheme: match[0].slice(0, match[0].indexOf(":") + 1) } });
  }
  for (const url of urls) {
    const problem = urlProblem(url.text);
    if (problem) problems.push(problem);
  }
  return problems;
});

/** `footnote.bad-url`: an address that does not parse, or that is not http/https (ftp:, javascript:, file:). */
export function badUrlFindings(notes: NoteView[]): Finding[] {
  return notes.flatMap((note) =>
    urlProblems(note.node).map((problem) => ({
      rule: "footnote.bad-url",
      severity: "warning" as const,
      message: message(problem.id, { ...problem.values, n: note.number }),
      location: noteLocation(note),
    })),
  );
}
