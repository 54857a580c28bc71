import { Paragraph, TextRun, type ICommentsOptions } from "docx";
import type { Block, ExportComment, ExportDocument, Inline, TrackedChange } from "../../../core/export/export-model";
import { xmlText } from "./docx-inline";

/**
 * What a review copy (issue 20) adds to the Word file, worked out once per render: where each
 * comment's range starts and ends, and fresh revision ids. Word wants every w:ins and w:del to
 * have an id of its own, so the suggestion's number in the model groups runs while each element
 * here is numbered anew. A clean model has no comments or changes: nothing here is written then.
 */
export class ReviewRendering {
  /**
   * Paragraphs whose end is deleted, keyed by their content: a suggestion deleting across
   * paragraphs deletes the break too (w:del in the paragraph mark), so accepting it in Word
   * joins them, as accepting it in Caucus does.
   */
  readonly deletedBreaks = new Map<readonly Inline[], TrackedChange>();
  /** Comment ids whose range opens right before this run, and closes right after it. */
  readonly starts = new Map<Inline, number[]>();
  readonly ends = new Map<Inline, number[]>();
  // Above any id docx gives its own annotations (the TOC's bookmarks count from 1).
  private nextRevision = 1000;

  constructor(private readonly model: ExportDocument) {
    this.findDeletedBreaks(textblocks(model.blocks));
    const comments = model.comments ?? [];
    if (comments.length === 0) return;
    // A reply covers the text its thread covers: Word shows it beside the same words.
    const thread = new Map<number, number[]>();
    for (const c of comments) thread.set(c.parentId ?? c.id, [...(thread.get(c.parentId ?? c.id) ?? []), c.id]);
    // A comment on words inside a footnote covers the note's marker in the body instead:
    // LibreOffice refuses to open a file with a comment range inside a footnote (Word would not).
    const inNote = new Map<number, number[]>();
    for (const note of model.footnotes) inNote.set(note.number, [...new Set(note.content.flatMap((run) => (run.kind === "text" ? (run.comments ?? []) : [])))]);
    const first = new Map<number, Inline>();
    const last = new Map<number, Inline>();
    for (const run of blockRuns(model.blocks)) {
      const ids = run.kind === "text" ? run.comments : run.kind === "note" ? inNote.get(run.number) : undefined;
      for (const id of ids ?? []) {
        if (!first.has(id)) first.set(id, run);
        last.set(id, run);
      }
    }
    for (const [id, run] of first) {
      const ids = thread.get(id) ?? [id];
      this.starts.set(run, [...(this.starts.get(run) ?? []), ...ids]);
      this.ends.set(last.get(id)!, [...(this.ends.get(last.get(id)!) ?? []), ...ids]);
    }
  }

  /** A block ending in text one suggestion deletes, up to the next block with words, when that one starts with its deletion. */
  private findDeletedBreaks(blocks: ReadonlyArray<readonly Inline[]>): void {
    const deletion = (run: Inline | undefined) => (run?.kind === "text" && run.change?.kind === "deletion" ? run.change : undefined);
    for (let i = 0; i < blocks.length; i++) {
      // Its last words, not a note marker after them: one suggestion's range is contiguous, so
      // if the next block starts with its deletion, the marker was inside it too.
      const change = deletion(blocks[i]!.findLast((run) => run.kind === "text"));
      if (!change) continue;
      let next = i + 1;
      while (next < blocks.length && blocks[next]!.length === 0) next++;
      if (next < blocks.length && deletion(blocks[next]![0])?.id === change.id) for (let j = i; j < next; j++) this.deletedBreaks.set(blocks[j]!, change);
    }
  }

  /** A w:ins or w:del id not used before in this file. */
  revisionId(): number {
    return this.nextRevision++;
  }

  /** The Document's `comments` option: every placed comment, replies pointing to their thread's first. */
  commentsOption(): ICommentsOptions | undefined {
    const placed = new Set([...this.starts.values()].flat());
    const comments = (this.model.comments ?? []).filter((c) => placed.has(c.id));
    if (comments.length === 0) return undefined;
    return { children: comments.map(wordComment) };
  }
}


/** The body's paragraphs and headings (their content) in reading order, inside lists, quotations and tables too. */
function textblocks(blocks: readonly Block[]): Array<readonly Inline[]> {
  const out: Array<readonly Inline[]> = [];
  for (const block of blocks) {
    if (block.kind === "heading" || block.kind === "paragraph") out.push(block.content);
    else if (block.kind === "recommendation") out.push(block.quote);
    else if (block.kind === "quote") out.push(...textblocks(block.blocks));
    else if (block.kind === "list") for (const item of block.items) out.push(...textblocks(item));
    else if (block.kind === "table") for (const row of block.rows) for (const cell of row.cells) out.push(...textblocks(cell.blocks));
  }
  return out;
}

/** The body's runs in reading order, note markers included. */
const blockRuns = (blocks: readonly Block[]): Inline[] => textblocks(blocks).flat();

/** "Amina Mensah (CDD)" → "AM": what Word shows in a comment's marker. */
const initialsOf = (author: string) =>
  author
    .replace(/\(.*\)/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((word) => [...word][0]!.toUpperCase())
    .join("");

function wordComment(comment: ExportComment): ICommentsOptions["children"][number] {
  const lines = comment.text.split(/\r?\n/);
  return {
    id: comment.id,
    ...(comment.parentId !== undefined ? { parentId: comment.parentId } : {}),
    author: xmlText(comment.author),
    initials: xmlText(initialsOf(comment.author)),
    date: new Date(comment.date),
    children: lines.map((line) => new Paragraph({ children: [new TextRun(xmlText(line))] })),
  };
}
