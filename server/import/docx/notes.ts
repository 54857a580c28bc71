/**
 * Footnotes and endnotes. A note becomes a footnote node where its reference stands,
 * its paragraphs joined by line breaks (a Caucus note is one run of inline content); endnotes
 * become footnotes too, as Caucus has only one kind of note. Comments are in comments.ts.
 */
import { newContext, readInline, type Counts, type InlineContext, type Json } from "./inline";
import { NO_FORMAT } from "./run-format";
import { paragraphStyle, type Styles } from "./styles";
import type { ChangeStream } from "./tracked";
import { elements, type XmlElement } from "./xml";

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const ID_BYTES = 8;

/**
 * Footnote ids of the editor's shape (newFootnoteId in core/editor: 8 random bytes in hex), so
 * imported notes look like notes written in Caucus. Drawn from one random buffer per 64 notes:
 * a crypto call per note cost 2 ms on a 200-note file, a fifth of the whole import.
 */
export function footnoteIds(): () => string {
  let pool = new Uint8Array(0);
  let at = 0;
  return () => {
    if (at + ID_BYTES > pool.length) {
      pool = globalThis.crypto.getRandomValues(new Uint8Array(ID_BYTES * 64));
      at = 0;
    }
    let id = "";
    for (let i = 0; i < ID_BYTES; i++) id += HEX[pool[at++]!];
    return id;
  };
}

/** A part's hyperlink relationships: id → external target. */
export function readRels(root: XmlElement | null): Map<string, string> {
  const rels = new Map<string, string>();
  for (const rel of root ? elements(root) : []) {
    if (rel.name === "Relationship" && rel.attrs.TargetMode === "External" && rel.attrs.Id && rel.attrs.Target) rels.set(rel.attrs.Id, rel.attrs.Target);
  }
  return rels;
}

/** Notes by id, leaving out Word's separator notes. */
export function noteMap(root: XmlElement | null, tag: "w:footnote" | "w:endnote"): Map<string, XmlElement> {
  const notes = new Map<string, XmlElement>();
  for (const note of root ? elements(root) : []) {
    if (note.name === tag && !note.attrs["w:type"]) notes.set(note.attrs["w:id"] ?? "", note);
  }
  return notes;
}

/**
 * The inline content of a note: its paragraphs with line breaks between, the note's own number
 * mark left out. `track`: the note's tracked changes, kept as suggestions (a tracked paragraph
 * mark in a note is accepted: its paragraphs are lines of one note); null accepts them all.
 */
export function noteContent(note: XmlElement, rels: Map<string, string>, counts: Counts, styles: Styles, track: ChangeStream | null = null): Json[] {
  const ctx: InlineContext = newContext(rels, counts, null, null, styles.characters, track);
  const out: Json[] = [];
  for (const p of elements(note)) {
    if (p.name !== "w:p") continue;
    ctx.paragraphFormat = paragraphStyle(p, styles)?.run ?? NO_FORMAT;
    const content: Json[] = [];
    readInline(p, ctx, content);
    track?.paragraphEnd(content, null, false);
    if (!content.length) continue;
    if (out.length) out.push({ type: "hardBreak" });
    out.push(...content);
  }
  // Word puts a space between the note number and its text; Caucus prints its own.
  while (out[0]?.type === "text" && !(out[0].text as string).trim()) out.shift();
  if (out[0]?.type === "text") out[0] = { ...out[0], text: (out[0].text as string).replace(/^\s+/, "") };
  while (out.length && out[out.length - 1]!.type === "hardBreak") out.pop();
  track?.finish();
  return out;
}
