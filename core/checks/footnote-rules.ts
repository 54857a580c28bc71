import type { Node as PMNode } from "@tiptap/pm/model";
import { message, type Message } from "../i18n/message";
import { findPinpoint } from "../citations/footnote-parts";
import { normalisePinpoint } from "../citations/pinpoint";
import type { Finding } from "./finding";
import { markerPunctuationFindings } from "./footnote-marker";
import { factsOf, normaliseNote, noteLocation, readNotes, type NoteView } from "./footnote-notes";
import { memoByNode } from "./node-memo";
import { badUrlFindings, bareUrlFindings } from "./footnote-urls";
import { footnoteWords } from "./word-count";

export interface FootnoteContext {
  /** The draft's language ("en", "fr", "es" …): where the marker goes around punctuation. */
  language: string;
  /**
   * Cited source ids the library answered it no longer holds: a citation to one of them is a
   * deleted source. An id nobody has asked about yet (a source cited a moment ago) is absent
   * from the set and never reported on a guess.
   */
  missingSourceIds?: ReadonlySet<string>;
  maxNoteWords?: number;
}

const DEFAULT_MAX_NOTE_WORDS = 150;

/** `footnote.empty`: a marker whose note says nothing. */
function emptyFindings(notes: NoteView[]): Finding[] {
  return notes
    .filter((note) => note.citations.length === 0 && !note.typed.trim())
    .map((note) => ({
      rule: "footnote.empty",
      severity: "error" as const,
      message: message("checks.footnote.empty", { n: note.number }),
      location: noteLocation(note),
    }));
}

const pinpointOf = (typed: string) => {
  const pin = findPinpoint(typed);
  return pin ? { span: pin, text: normalisePinpoint(pin.text).text } : null;
};

/** A typed note compared without its pinpoint, and that pinpoint: read once per note node. */
const withoutPinpoint = memoByNode((node) => {
  const { typed } = factsOf(node);
  const pin = pinpointOf(typed);
  return { pin, rest: normaliseNote((pin ? typed.slice(0, pin.span.start) + typed.slice(pin.span.end) : typed).replace(/\s*,(\s*[,.;]|\s*$)/g, "$1")) };
});

/** A note's text as two notes are compared (normaliseNote), read once per note node. */
const comparable = memoByNode((node) => normaliseNote(factsOf(node).text));

/**
 * `footnote.repeat-source`: a typed note that writes out again the single source of the note
 * before it. Notes of citation nodes are left alone: their display already reads "Ibid."
 * (citation-display.ts). The fix is offered only when it keeps the meaning: a note without a
 * pinpoint after one with a pinpoint cites the whole source, and "Ibid." would read as the page.
 */
function repeatSourceFindings(notes: NoteView[]): Finding[] {
  const findings: Finding[] = [];
  notes.forEach((note, i) => {
    const previous = notes[i - 1];
    if (!previous || previous.sources !== 1 || note.ibid || previous.ibid) return;
    if (note.citations.length > 0 || previous.citations.length > 0) return;
    const { pin: here, rest: text } = withoutPinpoint(note.node);
    const { pin: before, rest: previousText } = withoutPinpoint(previous.node);
    if (!text || text !== previousText) return;
    const ibid = !here || here.text === before?.text ? (before && !here ? null : "Ibid.") : `Ibid., ${here.text}.`;
    findings.push({
      rule: "footnote.repeat-source",
      severity: "info",
      message: ibid
        ? message("checks.footnote.repeatSource", { n: note.number, previous: previous.number, ibid })
        : message("checks.footnote.repeatSourceCheck", { n: note.number, previous: previous.number, pinpoint: before!.text }),
      location: noteLocation(note),
      ...(ibid ? { fix: { label: message("checks.footnote.repeatSourceFix", { ibid }), from: note.pos + 1, to: note.pos + note.node.nodeSize - 1, text: ibid } } : {}),
    });
  });
  return findings;
}

/** `footnote.ibid-misused` (docs/domain.md §4c, §5a.3): "Ibid." with no single source just before it. */
function ibidFindings(notes: NoteView[]): Finding[] {
  const findings: Finding[] = [];
  notes.forEach((note, i) => {
    if (!note.ibid) return;
    const previous = notes[i - 1];
    const written = note.ibid[0].trim();
    let why: Message | null = null;
    if (!previous) why = message("checks.footnote.ibidFirst", { n: note.number, written });
    else if (previous.sources === 0) why = message("checks.footnote.ibidNoSource", { n: note.number, written, previous: previous.number });
    else if (previous.sources > 1) why = message("checks.footnote.ibidSeveral", { n: note.number, written, previous: previous.number, sources: previous.sources });
    if (!why) return;
    findings.push({ rule: "footnote.ibid-misused", severity: "error", message: why, location: noteLocation(note) });
  });
  return findings;
}

/** `footnote.deleted-source`: a citation whose library source is gone. */
function deletedSourceFindings(notes: NoteView[], missing: ReadonlySet<string> | undefined): Finding[] {
  return notes.flatMap((note) =>
    note.citations
      .filter((c) => c.sourceId === null || missing?.has(c.sourceId))
      .map((c) => ({
        rule: "footnote.deleted-source",
        severity: "error" as const,
        message: c.label ? message("checks.footnote.deletedSource", { n: note.number, label: c.label }) : message("checks.footnote.deletedSourceUntitled", { n: note.number }),
        location: { from: c.pos, to: c.pos + 1, ...(note.id ? { footnoteId: note.id } : {}) },
      })),
  );
}

/** `footnote.duplicate`: the same note text again, further on (the next note is repeat-source's). */
function duplicateFindings(notes: NoteView[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, NoteView>();
  notes.forEach((note, i) => {
    const text = comparable(note.node);
    if (!text || note.ibid) return;
    const first = seen.get(text);
    const previous = notes[i - 1];
    if (first && previous && comparable(previous.node) !== text) {
      findings.push({
        rule: "footnote.duplicate",
        severity: "warning",
        message: message("checks.footnote.duplicate", { n: note.number, first: first.number }),
        location: noteLocation(note),
      });
    }
    if (!first) seen.set(text, note);
  });
  return findings;
}

/** `footnote.long`: a note that has become a paragraph. */
function longFindings(notes: NoteView[], max: number): Finding[] {
  return notes.flatMap((note) => {
    const words = footnoteWords(note.node);
    if (words <= max) return [];
    return [
      {
        rule: "footnote.long",
        severity: "warning" as const,
        message: message("checks.footnote.long", { n: note.number, words, max }),
        location: noteLocation(note),
      },
    ];
  });
}

/**
 * Every footnote check (docs/domain.md §4, §5a.2, §5a.3, §5a.8) on the draft, sorted by where they are:
 * empty notes, bare and broken URLs, Ibid. use, repeated and duplicate notes, deleted sources,
 * long notes, and the marker's place around punctuation.
 */
export function footnoteFindings(doc: PMNode, context: FootnoteContext): Finding[] {
  const notes = readNotes(doc);
  const findings = [
    ...emptyFindings(notes),
    ...bareUrlFindings(notes),
    ...repeatSourceFindings(notes),
    ...ibidFindings(notes),
    ...markerPunctuationFindings(doc, context.language),
    ...badUrlFindings(notes),
    ...deletedSourceFindings(notes, context.missingSourceIds),
    ...duplicateFindings(notes),
    ...longFindings(notes, context.maxNoteWords ?? DEFAULT_MAX_NOTE_WORDS),
  ];
  return findings.sort((a, b) => (a.location?.from ?? 0) - (b.location?.from ?? 0));
}
