import { describe, expect, it } from "vitest";
import type { ExportDocument } from "../../../core/export/export-model";
import { paragraphs, readDocx, xmlError } from "../../../test/fixtures/export/read-docx";
import { RICH_COVER } from "../../../test/fixtures/export/rich-draft";
import { coverDate, shortTitle } from "./docx-cover";
import { renderDocx } from "./docx-document";
import { xmlText } from "./docx-inline";

describe("text Word can hold", () => {
  it("drops what XML cannot carry and keeps everything else, emoji and CJK included", () => {
    expect(xmlText("a\uFFFEb\uFFFFc")).toBe("abc");
    expect(xmlText("lone \uD800 high, lone \uDC00 low")).toBe("lone  high, lone  low");
    expect(xmlText("✊🏽 人权 حقوق")).toBe("✊🏽 人权 حقوق");
  });

  it("writes a well-formed document whatever control characters a pasted text carries", async () => {
    const text = "bell\u0007 vt\u000B nul\u0000 ffff\uFFFF half\uD83D end 👍";
    const model: ExportDocument = {
      language: "en",
      dir: "ltr",
      blocks: [{ kind: "paragraph", number: 1, content: [{ kind: "text", text, marks: {} }, { kind: "note", number: 1 }], lang: null, dir: null }],
      footnotes: [{ number: 1, content: [{ kind: "text", text, marks: { link: "https://example.org/?q=a&b=<c>" } }] }],
    };
    const parts = readDocx(await renderDocx(model, { ...RICH_COVER, title: `Title ${text}` }));
    for (const name of ["word/document.xml", "word/footnotes.xml", "word/_rels/footnotes.xml.rels", "docProps/core.xml"]) expect([name, xmlError(parts[name]!)]).toEqual([name, null]);
    expect(paragraphs(parts["word/document.xml"]!).some((p) => p.text === "bell vt nul ffff half end 👍")).toBe(true);
  });
});

describe("cover helpers", () => {
  it("writes an ISO date the UN way and leaves any other date as typed", () => {
    expect(coverDate("2026-03-01")).toBe("1 March 2026");
    expect(coverDate("March 2026")).toBe("March 2026");
    expect(coverDate("2026-13-01")).toBe("2026-13-01");
  });

  it("cuts a long title for the running header at a word", () => {
    expect(shortTitle("Short title")).toBe("Short title");
    const long = "Joint stakeholder submission on the situation of human rights defenders and civic space in the State under review";
    expect(shortTitle(long)).toMatch(/^Joint stakeholder submission on the situation of human rights defenders and…$/);
    expect(shortTitle(long).length).toBeLessThanOrEqual(80);
  });
});
