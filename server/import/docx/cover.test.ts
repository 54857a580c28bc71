import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { ownText, toNode } from "../../../test/fixtures/import/compare";
import { list, numberingOf, p, r, rawDocx, style, tbl, tc, tr } from "../../../test/fixtures/import/raw-docx";
import { UN_HEADING_NUMBERING } from "../../../core/editor";
import { exportModel } from "../../../core/export/export-model";
import { pdfToolsAvailable } from "../../../test/export-tools";
import { renderDocx } from "../../export/docx";
import { renderPdf } from "../../export/pdf/render-pdf";
import { flat, readPdf } from "../../export/pdf/render-pdf.fixtures";
import { dateOf, readCoverFields } from "./cover-fields";
import { readDocx, type ImportedComment } from "./index";

const STYLES = [
  style("paragraph", "Heading1", { name: "heading 1" }),
  style("paragraph", "Title", { name: "Title" }),
  style("paragraph", "Subtitle", { name: "Subtitle" }),
  style("paragraph", "SubmissionTitle", { name: "Submission title", basedOn: "Title" }),
  style("paragraph", "CoverLine", { name: "Cover line", pPr: '<w:jc w:val="center"/>' }),
  style("paragraph", "CoverDate", { name: "Cover date", basedOn: "CoverLine" }),
  style("paragraph", "Quote", { name: "Quote" }),
].join("");

const centred = (content: string | string[]) => p(content, { jc: "center" });
const heading = (content: string | string[]) => p(content, { style: "Heading1" });
const commented = (id: number, before: string, words: string, after = "") => [r(before), `<w:commentRangeStart w:id="${id}"/>`, r(words), `<w:commentRangeEnd w:id="${id}"/>`, r(after)];
const comments = (...ids: number[]) => ids.map((id) => `<w:comment w:id="${id}" w:author="A"><w:p><w:r><w:t>Note ${id}</w:t></w:r></w:p></w:comment>`).join("");

function read(body: string[], extra: { numbering?: string; comments?: string; footnotes?: string } = {}) {
  const imported = readDocx(rawDocx({ body: body.join(""), styles: STYLES, ...extra }));
  const doc = toNode(imported.doc);
  doc.check();
  const blocks: PMNode[] = [];
  doc.forEach((node) => blocks.push(node));
  return { imported, blocks, texts: blocks.map(ownText) };
}

/** The words a comment's anchor points at in the imported document, as long as its quote. */
const wordsAt = (blocks: PMNode[], comment: ImportedComment) =>
  comment.anchor && ownText(blocks[comment.anchor.paragraphIndex]!).slice(comment.anchor.offset, comment.anchor.offset + comment.quotedText.length);

describe("readDocx: the cover block before the first heading", () => {
  it("takes a centred title block out of the body, keeping comments after it on the same words", () => {
    const { imported, blocks, texts } = read(
      [
        p("Joint submission on land rights", { style: "Title" }),
        p(""),
        centred("CEDAW, 89th session"),
        centred(commented(1, "State under review: ", "Ghana")),
        centred("Submitted by: Ghana Rights Network"),
        p("3 March 2027", { style: "CoverDate" }),
        heading(commented(2, "I.\tIntro", "duction")),
        p(commented(3, "1. The ", "land law", " of 2020.")),
        p("2. Second."),
        p(commented(4, "A plain ", "paragraph", ".")),
      ],
      { comments: comments(1, 2, 3, 4) },
    );
    expect(texts).toEqual(["Introduction", "The land law of 2020.", "Second.", "A plain paragraph."]);
    expect(imported.cover).toEqual({
      title: "Joint submission on land rights",
      session: "89th session",
      stateUnderReview: "Ghana",
      organisations: ["Ghana Rights Network"],
      contact: "",
      date: "2027-03-03",
      subtitle: "",
      lines: ["Joint submission on land rights", "CEDAW, 89th session", "State under review: Ghana", "Submitted by: Ghana Rights Network", "3 March 2027"],
      fields: ["title", "session", "stateUnderReview", "organisations", "date"],
    });
    expect(imported.report.coverLines).toBe(5);
    const [inCover, ...inBody] = imported.report.comments;
    // Its words left the body with the cover: the consumer finds them by the quote, or falls back.
    expect(inCover).toMatchObject({ quotedText: "Ghana", anchor: null });
    expect(inBody.map((c) => c.anchor)).toEqual([
      { paragraphIndex: 0, offset: "Intro".length },
      { paragraphIndex: 1, offset: "The ".length },
      { paragraphIndex: 3, offset: "A plain ".length },
    ]);
    expect(inBody.map((c) => wordsAt(blocks, c))).toEqual(["duction", "land law", "paragraph"]);
  });

  it("reads Title-based and Subtitle styles, centring from a style's basedOn chain, and organisations one a line; the subtitle is the cover's", () => {
    const { imported, texts } = read([
      p("Civic space in Ghana", { style: "SubmissionTitle" }),
      p("A joint report", { style: "Subtitle" }),
      p("Universal Periodic Review, 4th cycle", { style: "CoverDate" }),
      centred("Joint submission by:"),
      centred("Ghana Rights Network (GRN)"),
      centred("Women's Voice, Accra"),
      centred("Contact: info@grn.example"),
      heading("Introduction"),
      p("Body."),
    ]);
    expect(texts).toEqual(["Introduction", "Body."]);
    expect(imported.cover).toMatchObject({
      title: "Civic space in Ghana",
      subtitle: "A joint report",
      session: "4th cycle",
      organisations: ["Ghana Rights Network (GRN)", "Women's Voice, Accra"],
      contact: "info@grn.example",
    });
    expect(imported.cover!.lines).toHaveLength(7);
    expect(imported.report.coverLines).toBe(7);
  });

  it("reads a paragraph broken into lines (Shift+Enter) line by line, but counts it as one cover line", () => {
    const { imported } = read([centred([r("Joint submission by:"), "<w:r><w:br/></w:r>", r("Org A"), "<w:r><w:br/></w:r>", r("Org B")]), heading("Introduction")]);
    expect(imported.cover).toMatchObject({ title: "", organisations: ["Org A", "Org B"], lines: ["Joint submission by:", "Org A", "Org B"] });
    expect(imported.report.coverLines).toBe(1);
  });

  it("makes a line no other field takes the subtitle; comments on cover words lose their anchor, the others keep theirs", () => {
    const { imported, blocks, texts } = read(
      [
        centred("Press freedom in Ghana"),
        p(""),
        centred([r("Submission to the ", "<w:b/>"), ...commented(1, "", "Universal Periodic Review", " of Ghana")]),
        centred(commented(2, "State under review: ", "Ghana")),
        p(""),
        centred("27 November 2026"),
        p(""),
        heading(commented(3, "", "Introduction")),
        p(commented(4, "A ", "paragraph", ".")),
      ],
      { comments: comments(1, 2, 3, 4) },
    );
    expect(texts).toEqual(["Introduction", "A paragraph."]);
    expect(imported.cover).toMatchObject({ title: "Press freedom in Ghana", subtitle: "Submission to the Universal Periodic Review of Ghana", stateUnderReview: "Ghana", date: "2026-11-27" });
    expect(imported.cover!.lines).toEqual(["Press freedom in Ghana", "Submission to the Universal Periodic Review of Ghana", "State under review: Ghana", "27 November 2026"]);
    expect(imported.report.coverLines).toBe(4);
    expect(imported.report.comments.map((c) => c.anchor)).toEqual([null, null, { paragraphIndex: 0, offset: 0 }, { paragraphIndex: 1, offset: 2 }]);
    expect(imported.report.comments.filter((c) => c.anchor).map((c) => wordsAt(blocks, c))).toEqual(["Introduction", "paragraph"]);
  });

  it("reads a paragraph of several lines line by line: its first the title, the next the subtitle", () => {
    const { imported, texts } = read([centred([r("Our title"), "<w:r><w:br/></w:r>", r("A report on the press")]), centred("UPR, 4th cycle"), heading("Introduction")]);
    expect(texts).toEqual(["Introduction"]);
    expect(imported.cover).toMatchObject({ title: "Our title", subtitle: "A report on the press", session: "4th cycle", lines: ["Our title", "A report on the press", "UPR, 4th cycle"] });
    expect(imported.report.coverLines).toBe(2);
  });

  it("finds no cover when the file opens with an ordinary left-aligned paragraph, and loses nothing", () => {
    const body = [
      p(commented(1, "This report was ", "prepared", " by the coalition.")),
      centred("A centred line"),
      p("Overridden to the left", { style: "CoverLine", jc: "left" }),
      heading("Introduction"),
      p("Body."),
    ];
    const { imported, blocks, texts } = read(body, { comments: comments(1) });
    expect(imported.cover).toBeNull();
    expect(imported.report.coverLines).toBe(0);
    expect(texts).toEqual(["This report was prepared by the coalition.", "A centred line", "Overridden to the left", "Introduction", "Body."]);
    expect(wordsAt(blocks, imported.report.comments[0]!)).toBe("prepared");
  });

  it("does not take a paragraph set to the left against its centred style", () => {
    const { imported, texts } = read([p("Left after all", { style: "CoverLine", jc: "left" }), heading("Introduction")]);
    expect(imported.cover).toBeNull();
    expect(texts).toEqual(["Left after all", "Introduction"]);
  });

  it("keeps centred paragraphs after the first heading", () => {
    const { imported, texts } = read([centred("Our title"), heading("Introduction"), centred("Figure 1: a centred caption"), p("Body.")]);
    expect(imported.cover!.lines).toEqual(["Our title"]);
    expect(texts).toEqual(["Introduction", "Figure 1: a centred caption", "Body."]);
  });

  it("stops at a numbered paragraph before any heading, and keeps it numbered", () => {
    const numbering = numberingOf(list(1, [["decimal", "%1."]]));
    const { imported, blocks, texts } = read([p("Our title", { style: "Title" }), p("First point.", { numId: 1, jc: "center" }), centred("Centred again."), p("Second point.", { numId: 1 }), heading("Introduction")], {
      numbering,
    });
    expect(imported.cover!.lines).toEqual(["Our title"]);
    expect(texts).toEqual(["First point.", "Centred again.", "Second point.", "Introduction"]);
    expect(blocks[0]!.attrs.numbered).toBe(true);
  });

  it("stops at a list, a table or a quotation", () => {
    const bullets = numberingOf(list(2, [["bullet", "•"]]));
    const cases: Array<[string, string, { numbering?: string }]> = [
      ["bulletList", p("A centred bullet", { numId: 2, jc: "center" }), { numbering: bullets }],
      ["table", tbl(tr(tc(centred("A centred cell")))), {}],
      ["blockquote", p("A centred quotation", { style: "Quote", jc: "center" }), {}],
    ];
    for (const [type, block, extra] of cases) {
      const { imported, blocks } = read([centred("Our title"), block, centred("After it"), heading("Introduction")], extra);
      expect(imported.cover!.lines).toEqual(["Our title"]);
      expect(blocks.map((b) => b.type.name)).toEqual([type, "paragraph", "heading"]);
    }
  });

  it("leaves a centred title carrying a footnote in the body: the note is the author's text", () => {
    const footnotes = '<w:footnote w:id="1"><w:p><w:r><w:t>Prepared by the coalition.</w:t></w:r></w:p></w:footnote>';
    const { imported, texts } = read([centred([r("Our title"), '<w:r><w:footnoteReference w:id="1"/></w:r>']), heading("Introduction")], { footnotes });
    expect(imported.cover).toBeNull();
    expect(texts).toEqual(["Our title", "Introduction"]);
  });

  it("keeps the single empty paragraph when the file was only a cover", () => {
    const { imported, blocks } = read([centred("Our title"), p(""), centred("UPR, 4th cycle")]);
    expect(imported.cover).toMatchObject({ title: "Our title", session: "4th cycle" });
    expect(blocks.map((b) => [b.type.name, b.childCount])).toEqual([["paragraph", 0]]);
  });
});

describe("the cover's fields", () => {
  const fields = (...lines: string[]) => readCoverFields(lines.map((text) => ({ kind: "centred", texts: [text] })));

  it("reads a mechanism by abbreviation or by a full name with a comma of its own", () => {
    expect(fields("CEDAW, 89th session").session).toBe("89th session");
    expect(fields("Committee on Economic, Social and Cultural Rights, 70th session").session).toBe("70th session");
    expect(fields("Ghana, a country report").session).toBe("");
  });

  it("takes the first line no field claims as the title, and a title that only looks like a label as the title", () => {
    expect(fields("Joint submission by Amnesty and HRW to the UPR", "State under review: Ghana")).toMatchObject({ title: "Joint submission by Amnesty and HRW to the UPR", organisations: [] });
    expect(fields("Submitted by:", "Org A", "Org B", "12 May 2026", "Annex")).toMatchObject({ title: "Annex", organisations: ["Org A", "Org B"], date: "2026-05-12" });
  });

  it("recognises a line that is only a date, as ISO when it names day, month and year", () => {
    expect(["27 November 2026", "November 27, 2026", "27th Nov. 2026", "2026-11-27"].map(dateOf)).toEqual(Array(4).fill("2026-11-27"));
    expect(dateOf("November 2026")).toBe("November 2026");
    expect(dateOf("27/11/2026")).toBe("27/11/2026");
    expect(dateOf("31 February 2026")).toBeNull();
    expect(dateOf("Report of 27 November 2026")).toBeNull();
  });
});

describe("readDocx: cover lines without a label", () => {
  const numbering = numberingOf(list(1, [["decimal", "%1."]]));

  it("takes a plain cover — title, subtitle, by-line, address, telephone, e-mail, web, date — out of the counted body, each line into a field", () => {
    const { imported, texts } = read(
      [
        p("CHINA"),
        p("Submission to the UN Universal Periodic Review"),
        p(""),
        p("BY HUMAN RIGHTS IN CHINA"),
        p("450 Seventh Avenue, Suite 1301, New York, NY 10123"),
        p("Tel: +1 212 239 4495"),
        p("E-mail: hrichina@hrichina.org"),
        p("www.hrichina.org"),
        p("March 2018"),
        heading("Introduction"),
        p("Since the last review, the situation worsened.", { numId: 1 }),
        p("The social credit system rates every citizen.", { numId: 1 }),
      ],
      { numbering },
    );
    expect(texts).toEqual(["Introduction", "Since the last review, the situation worsened.", "The social credit system rates every citizen."]);
    expect(imported.cover).toMatchObject({
      title: "CHINA",
      subtitle: "Submission to the UN Universal Periodic Review",
      organisations: ["HUMAN RIGHTS IN CHINA"],
      contact: "450 Seventh Avenue, Suite 1301, New York, NY 10123; Tel: +1 212 239 4495; E-mail: hrichina@hrichina.org; www.hrichina.org",
      date: "March 2018",
    });
    // Nothing is lost: every line is the cover's, and the report says which field took it.
    expect(imported.cover!.fields).toEqual(["title", "subtitle", "organisations", "contact", "contact", "contact", "contact", "date"]);
    expect(imported.report.coverLines).toBe(8);
  });

  it("takes cover lines before the first numbered paragraph when there is no heading", () => {
    const { imported, texts } = read([p("Land rights in Ghana"), p("by the Ghana Rights Network"), p("First point.", { numId: 1 }), p("Second point.", { numId: 1 })], { numbering });
    expect(texts).toEqual(["First point.", "Second point."]);
    expect(imported.cover).toMatchObject({ title: "Land rights in Ghana", organisations: ["the Ghana Rights Network"] });
  });

  it("keeps short opening lines with nothing of a cover about them, and stops at the first sentence", () => {
    const plain = read([p("Executive summary"), p("The State has not acted on the recommendations it supported."), heading("Introduction")]);
    expect(plain.imported.cover).toBeNull();
    expect(plain.texts).toEqual(["Executive summary", "The State has not acted on the recommendations it supported.", "Introduction"]);
    const stopped = read([p("Our report"), p("contact@example.org"), p("This report was written by the coalition in 2026."), p("A short line after it"), heading("Introduction")]);
    expect(stopped.imported.cover).toMatchObject({ title: "Our report", contact: "contact@example.org" });
    expect(stopped.texts).toEqual(["This report was written by the coalition in 2026.", "A short line after it", "Introduction"]);
  });

  it("keeps the contact within the cover form's 200 characters, the lines past it in the subtitle", () => {
    const address = (n: number) => `Building ${n}, ${"Long Street Name ".repeat(3).trim()}, 1000${n} Geneva, Switzerland`;
    const { imported } = read([p("Our report"), ...[1, 2, 3, 4].map((n) => p(address(n))), heading("Introduction")]);
    expect(imported.cover!.contact.length).toBeLessThanOrEqual(200);
    expect(imported.cover!.contact).toContain(address(1));
    expect(imported.cover!.subtitle).toContain(address(4));
    expect(imported.cover!.fields.filter((f) => f === "subtitle").length + imported.cover!.fields.filter((f) => f === "contact").length).toBe(4);
  });
});

describe("the cover's subtitle through our own exports", () => {
  const cover = { title: "Land rights in Ghana", subtitle: "Submission to the Universal Periodic Review", mechanism: "", session: "", stateUnderReview: "", organisations: [], contact: "", date: "" };
  const model = () => exportModel(toNode({ type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Introduction" }] }] }), { language: "en", headingNumbering: UN_HEADING_NUMBERING });

  it("prints the subtitle under the title in the DOCX, and reads it back as the subtitle", async () => {
    const imported = readDocx(await renderDocx(model(), cover));
    expect(imported.cover).toMatchObject({ title: cover.title, subtitle: cover.subtitle });
  });

  it.runIf(pdfToolsAvailable())("prints the subtitle under the title on the PDF's first page", async () => {
    expect(flat(readPdf(await renderPdf(model(), cover)).pages[0]!)).toContain(cover.subtitle);
  });
});

describe("the cover's contact lines", () => {
  const fields = (...lines: string[]) => readCoverFields(lines.map((text) => ({ kind: "centred", texts: [text] })));

  it("knows addresses, telephone numbers, e-mail and web addresses, and not titles with years or dates", () => {
    const contact = ["1211 Geneva 10, Switzerland", "Rue de Varembé 1", "P.O. Box 4422", "London WC1X 0DW", "Fax +41 22 917 9008", "+1 212 239 4495", "info@example.org", "https://example.org"];
    expect(fields("Our report", ...contact).fields).toEqual(["title", ...contact.map(() => "contact")]);
    const other = fields("Our report", "Civic space 2017-2022, a review", "2026-11-27", "Land, housing and 2030 goals");
    expect(other).toMatchObject({ date: "2026-11-27", contact: "", subtitle: "Civic space 2017-2022, a review · Land, housing and 2030 goals" });
  });
});
