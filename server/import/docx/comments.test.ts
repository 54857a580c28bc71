import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { COMMENT_MAX_CHARS, QUOTE_MAX_CHARS } from "../../../core/comments/contract";
import { ownText, toNode } from "../../../test/fixtures/import/compare";
import { comment, commented, gridTbl, list, numberingOf, p, r, rawDocx, style, tc, tr } from "../../../test/fixtures/import/raw-docx";
import { MAX_COMMENTS, readDocx, type ImportedComment } from "./index";

function read(body: string[], comments: string, extra: { numbering?: string; styles?: string } = {}) {
  const imported = readDocx(rawDocx({ body: body.join(""), comments, ...extra }));
  const doc = toNode(imported.doc);
  doc.check();
  const blocks: PMNode[] = [];
  doc.forEach((node) => blocks.push(node));
  return { imported, blocks };
}

describe("readDocx: comments are bounded, whatever the file holds", () => {
  it("keeps the first MAX_COMMENTS comments and counts the rest; a range never closed quotes QUOTE_MAX_CHARS characters at most", () => {
    const count = MAX_COMMENTS + 10;
    const ids = Array.from({ length: count }, (_, i) => i);
    const starts = ids.map((id) => `<w:commentRangeStart w:id="${id}"/>`);
    // 2,100 characters after every start, none of the ranges closed, over two paragraphs.
    const runs = Array.from({ length: 150 }, () => r("abcdefg"));
    const { imported } = read([p([...starts, ...runs]), p(runs)], ids.map((id) => comment(id, `Note ${id}`)).join(""));
    const { comments, commentsDropped } = imported.report;
    expect(comments).toHaveLength(MAX_COMMENTS);
    expect(commentsDropped).toBe(10);
    expect(comments.at(-1)!.text).toBe(`Note ${MAX_COMMENTS - 1}`);
    const expected = `${"abcdefg".repeat(150)}\n${"abcdefg".repeat(150)}`.slice(0, QUOTE_MAX_CHARS);
    expect(new Set(comments.map((c) => c.quotedText))).toEqual(new Set([expected]));
    expect(comments.every((c) => c.anchor?.paragraphIndex === 0 && c.anchor.offset === 0)).toBe(true);
  });

  it("bounds a comment's text and author, and takes no date before 1990 or after 2100", () => {
    const long = "word ".repeat(1000);
    const dates = ["2026-03-01T10:00:00Z", "-010000-01-01T00:00:00Z", "1989-12-31T23:59:59Z", "2100-01-02T00:00:00Z", "1990-01-01T00:00:00Z"];
    const xml = [comment(0, `   ${long}`, { author: "x".repeat(300) }), ...dates.map((date, i) => comment(i + 1, "Dated", { date }))].join("");
    const { imported } = read([p([r("Words.")])], xml);
    const [first, ...dated] = imported.report.comments;
    expect(first!.text).toBe(long.slice(0, COMMENT_MAX_CHARS).trimEnd());
    expect(first!.author).toHaveLength(200);
    expect(dated.map((c) => c.date)).toEqual(["2026-03-01T10:00:00.000Z", null, null, null, "1990-01-01T00:00:00.000Z"]);
    expect(imported.report.commentsDropped).toBe(0);
  });
});

describe("readDocx: a comment is anchored at the top-level block its paragraph lands in", () => {
  /** The words a comment's anchor points at: in its block's text, or in one paragraph of a list or table. */
  const wordsAt = (blocks: PMNode[], c: ImportedComment) => {
    const block = blocks[c.anchor!.paragraphIndex]!;
    const paragraphs: string[] = block.type.name === "paragraph" ? [ownText(block)] : [];
    block.descendants((node) => {
      if (node.type.name !== "paragraph") return true;
      paragraphs.push(ownText(node));
      return false;
    });
    return paragraphs.map((text) => text.slice(c.anchor!.offset, c.anchor!.offset + c.quotedText.length)).filter((text) => text === c.quotedText);
  };

  it("in a list's later items, a nested item, a table's later row and the paragraph after them", () => {
    const numbering = numberingOf(list(1, [["bullet", "•"], ["bullet", "◦"]]));
    const { imported, blocks } = read(
      [
        p("Intro."),
        p("First point.", { numId: 1 }),
        p(commented(1, "Second ", "bullet", "."), { numId: 1 }),
        p(commented(2, "Nested ", "item", "."), { numId: 1, ilvl: 1 }),
        p(commented(3, "Third ", "bullet", "."), { numId: 1 }),
        gridTbl(1, tr(tc(p("Cell one."))), tr(tc(p(commented(4, "Cell ", "two", "."))))),
        p(commented(5, "After ", "all", ".")),
      ],
      [1, 2, 3, 4, 5].map((id) => comment(id, `Note ${id}`)).join(""),
      { numbering },
    );
    expect(blocks.map((b) => b.type.name)).toEqual(["paragraph", "bulletList", "table", "paragraph"]);
    const { comments } = imported.report;
    expect(comments.map((c) => c.anchor)).toEqual([
      { paragraphIndex: 1, offset: "Second ".length },
      { paragraphIndex: 1, offset: "Nested ".length },
      { paragraphIndex: 1, offset: "Third ".length },
      { paragraphIndex: 2, offset: "Cell ".length },
      { paragraphIndex: 3, offset: "After ".length },
    ]);
    expect(comments.map((c) => wordsAt(blocks, c))).toEqual([["bullet"], ["item"], ["bullet"], ["two"], ["all"]]);
  });

  it("in a quotation's later paragraph, after a list", () => {
    const numbering = numberingOf(list(1, [["bullet", "•"]]));
    const styles = style("paragraph", "Quote", { name: "Quote" });
    const { imported } = read(
      [p("One.", { numId: 1 }), p("Two.", { numId: 1 }), p("Quoted.", { style: "Quote" }), p(commented(1, "Still ", "quoted"), { style: "Quote" }), p("End.")],
      comment(1, "Source?"),
      { numbering, styles },
    );
    expect(imported.report.comments[0]!.anchor).toEqual({ paragraphIndex: 1, offset: "Quoted.Still ".length });
  });
});
