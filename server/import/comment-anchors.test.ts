import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { resolveAnchor } from "../../core/comments/anchors";
import { COMMENT_MAX_CHARS } from "../../core/comments/contract";
import { BODY_FIELD, documentSchema } from "../../core/editor";
import { findTemplate } from "../../templates";
import { buildWordDraft } from "./word-draft";

const template = findTemplate("upr-individual")!;

type Remark = { id: number; author: string; text: string; parentId?: number; resolved?: boolean; date?: Date };
const comment = ({ text, date, ...rest }: Remark) => ({ ...rest, date: date ?? new Date("2026-11-20T09:00:00Z"), children: [new Paragraph(text)] });
const mark = (id: number) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];

async function docx(remarks: Remark[], paragraphs: Paragraph[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ comments: { children: remarks.map(comment) }, sections: [{ children: paragraphs }] })));
}

/** Where each placed thread's anchor resolves in the built draft, as text. */
function anchoredTexts(built: ReturnType<typeof buildWordDraft>): string[] {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, built.state);
  const body = ydoc.getXmlFragment(BODY_FIELD);
  const { doc, mapping } = initProseMirrorDoc(body, documentSchema());
  return built.threads.map((t) => {
    const place = resolveAnchor({ doc: ydoc, body, mapping }, t.anchor);
    return place ? doc.textBetween(place.from, place.to) : "(detached)";
  });
}

describe("Word comments placed in the new draft", () => {
  it("anchors a comment across two paragraphs on its words in the first", async () => {
    const bytes = await docx(
      [{ id: 0, author: "Amina", text: "Merge these two?" }],
      [
        new Paragraph({ children: [new TextRun("Arrests rose. "), new CommentRangeStart(0), new TextRun("Police detained twelve")] }),
        new Paragraph({ children: [new TextRun("journalists in Accra"), ...mark(0), new TextRun(" last May.")] }),
      ],
    );
    const built = buildWordDraft(bytes, template);
    expect(built.threads).toEqual([expect.objectContaining({ exact: true, resolved: false, comments: [{ author: "Amina", text: "Merge these two?", date: "2026-11-20T09:00:00.000Z" }] })]);
    expect(built.threads[0]!.anchor.quote).toBe("Police detained twelve");
    expect(anchoredTexts(built)).toEqual(["Police detained twelve"]);
  });

  it("keeps Word's replies in their thread, in order, and a thread Word resolved as resolved", async () => {
    const bytes = await docx(
      [
        { id: 0, author: "Amina", text: "Which year?", resolved: true },
        { id: 1, author: "Kwame", text: "2024, per the police statement.", parentId: 0, date: new Date("2026-11-21T09:00:00Z") },
        { id: 2, author: "Amina", text: "Thanks, added.", parentId: 1, date: new Date("2026-11-22T09:00:00Z") },
        { id: 3, author: "Efua", text: "Name the station." },
      ],
      [
        new Paragraph({ children: [new CommentRangeStart(0), new CommentRangeStart(1), new CommentRangeStart(2), new TextRun("Twelve journalists were detained"), ...mark(0), ...mark(1), ...mark(2), new TextRun(".")] }),
        new Paragraph({ children: [new TextRun("They were held at "), new CommentRangeStart(3), new TextRun("a police station"), ...mark(3), new TextRun(".")] }),
      ],
    );
    const built = buildWordDraft(bytes, template);
    expect(built.threads.map((t) => ({ resolved: t.resolved, said: t.comments.map((c) => `${c.author}: ${c.text}`) }))).toEqual([
      { resolved: true, said: ["Amina: Which year?", "Kwame: 2024, per the police statement.", "Amina: Thanks, added."] },
      { resolved: false, said: ["Efua: Name the station."] },
    ]);
    expect(anchoredTexts(built)).toEqual(["Twelve journalists were detained", "a police station"]);
  });

  it("puts a comment on no words (a point in Word) on its paragraph's first words, saying so", async () => {
    const bytes = await docx(
      [{ id: 0, author: "Kwame", text: "Cite the 2024 report here." }],
      [new Paragraph({ children: [new TextRun("The Broadcasting Bill would licence online outlets."), new CommentRangeStart(0), ...mark(0)] })],
    );
    const built = buildWordDraft(bytes, template);
    expect(built.threads).toEqual([expect.objectContaining({ exact: false })]);
    const [placed] = anchoredTexts(built);
    expect("The Broadcasting Bill would licence online outlets.".startsWith(placed!)).toBe(true);
    expect(placed!.length).toBeGreaterThan(10);
    expect(built.threads[0]!.anchor.quote).toBe(placed);
  });

  it("leaves out a comment with no text, bounds a long one, and names an unnamed author", async () => {
    const bytes = await docx(
      [
        { id: 0, author: "Amina", text: "   " },
        { id: 1, author: "", text: "x".repeat(COMMENT_MAX_CHARS + 500) },
      ],
      [new Paragraph({ children: [new CommentRangeStart(0), new CommentRangeStart(1), new TextRun("Reprisals continue."), ...mark(0), ...mark(1)] })],
    );
    const built = buildWordDraft(bytes, template);
    expect(built.threads).toHaveLength(1);
    const [only] = built.threads[0]!.comments;
    expect(only!.text).toHaveLength(COMMENT_MAX_CHARS);
    expect(only!.author).toBe("Word comment");
    expect(anchoredTexts(built)).toEqual(["Reprisals continue."]);
  });
});
