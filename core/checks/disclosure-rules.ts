import type { Node as PMNode } from "@tiptap/pm/model";
import { message, type Message } from "../i18n/message";
import type { Cover } from "../editor/cover";
import { rangeOf, readableTexts } from "./block-texts";
import { findTerms, termPattern, type DisclosureTerm, type TermPattern } from "./disclosure-terms";
import type { Finding } from "./finding";
import { perBlock } from "./node-memo";
import type { CoverOrganisation } from "./structure-rules";

/**
 * The rules whose findings stop an export unless an owner chooses otherwise (app/export): text
 * that would print a confidential organisation's name, or a template's unwritten placeholder.
 */
export const DISCLOSURE_RULES = ["confidential.mention", "cover.confidential-mention", "placeholder.left"] as const;
export type DisclosureRule = (typeof DISCLOSURE_RULES)[number];

export const isDisclosureFinding = (finding: Pick<Finding, "rule">): boolean => (DISCLOSURE_RULES as readonly string[]).includes(finding.rule);

export interface DisclosureContext {
  /** The workspace's organisations; those marked confidential are searched for. */
  organisations: readonly CoverOrganisation[];
  /** The templates' placeholders ("[Organisation]"), as templates/placeholders.ts reads them. */
  placeholders: readonly string[];
  cover: Cover;
}

/** The cover's printed fields that can name an organisation (each catalogue names the field). */
const COVER_FIELDS = ["title", "subtitle", "session", "contact", "date"] as const;

function termsOf(context: DisclosureContext): DisclosureTerm[] {
  const terms: DisclosureTerm[] = [];
  for (const o of context.organisations) {
    if (!o.confidential) continue;
    terms.push({ kind: "name", text: o.name, organisation: o.name });
    if (o.acronym.trim()) terms.push({ kind: "acronym", text: o.acronym, organisation: o.name });
  }
  for (const text of new Set(context.placeholders)) terms.push({ kind: "placeholder", text });
  return terms;
}

function mentionMessage(term: DisclosureTerm, written: string): Message {
  if (term.kind === "placeholder") return message("checks.placeholder.left", { placeholder: written });
  if (term.kind === "acronym") return message("checks.confidential.acronym", { written, organisation: term.organisation });
  return message("checks.confidential.name", { written });
}

/** Findings in one top-level block, at positions from the block at 0 (perBlock shifts them). */
function blockFindings(block: PMNode, patterns: readonly TermPattern[]): Finding[] {
  const findings: Finding[] = [];
  for (const readable of readableTexts(block)) {
    for (const match of findTerms(readable.text, patterns)) {
      const written = readable.text.slice(match.start, match.end);
      findings.push({
        rule: match.term.kind === "placeholder" ? "placeholder.left" : "confidential.mention",
        severity: "error",
        message: mentionMessage(match.term, written),
        location: { ...rangeOf(readable, match.start, match.end), ...(readable.footnoteId ? { footnoteId: readable.footnoteId } : {}) },
      });
    }
  }
  return findings;
}

// One per-block rule for each set of terms, so its cache survives from one check to the next (the
// Checks tab re-runs with the same organisations); a few sets, for a server checking several
// workspaces' drafts in turn.
const RULE_SETS = 8;
const ruleSets = new Map<string, { patterns: TermPattern[]; body: (doc: PMNode) => Finding[] }>();

function ruleSetFor(terms: DisclosureTerm[]) {
  const key = JSON.stringify(terms);
  let set = ruleSets.get(key);
  if (!set) {
    const patterns = terms.map(termPattern).filter((p): p is TermPattern => p !== null);
    set = { patterns, body: perBlock((block) => blockFindings(block, patterns)) };
    if (ruleSets.size >= RULE_SETS) ruleSets.delete(ruleSets.keys().next().value!);
    ruleSets.set(key, set);
  }
  return set;
}

/** The printed cover's own words: a title or contact line can name an organisation too. */
function coverFindings(cover: Cover, patterns: readonly TermPattern[]): Finding[] {
  const findings: Finding[] = [];
  for (const key of COVER_FIELDS) {
    for (const match of findTerms(cover[key], patterns)) {
      if (match.term.kind === "placeholder") continue;
      const written = cover[key].slice(match.start, match.end);
      findings.push({
        rule: "cover.confidential-mention",
        severity: "error",
        message:
          match.term.kind === "acronym"
            ? message("checks.confidential.coverAcronym", { field: key, written, organisation: match.term.organisation })
            : message("checks.confidential.coverName", { field: key, written }),
        location: null,
      });
    }
  }
  return findings;
}

/**
 * Every mention of a confidential organisation (name or acronym, whole words) in the body, the
 * notes, quoted recommendations and the cover's text, and every template placeholder left in the
 * text. exportCover leaves confidential organisations off the cover's list; nothing else can
 * keep a writer's own sentence out of the file, so these are errors the export stops at.
 */
export function disclosureFindings(doc: PMNode, context: DisclosureContext): Finding[] {
  const terms = termsOf(context);
  if (terms.length === 0) return [];
  const set = ruleSetFor(terms);
  return [...set.body(doc), ...coverFindings(context.cover, set.patterns)];
}
