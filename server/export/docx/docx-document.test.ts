import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { UN_HEADING_NUMBERING } from "../../../core/editor";
import { EMPTY_COVER } from "../../../core/editor/cover";
import { exportCover } from "../../../core/export/export-cover";
import { exportModel, type Block, type ExportDocument, type Inline } from "../../../core/export/export-model";
import { footnotes, paragraphs, readDocx, wordLabels, xmlError, type Parts } from "../../../test/fixtures/export/read-docx";
import { ARABIC_TEXT, CHINESE_TEXT, CONFIDENTIAL_NAME, CONTACT_PERSON, MARKUP_TEXT, RICH_COVER, richDraft } from "../../../test/fixtures/export/rich-draft";
import { renderDocx } from "./docx-document";
import { libreOfficeAvailable } from "../../../test/export-tools";

const plain = (inlines: readonly Inline[]) => inlines.map((i) => (i.kind === "text" ? i.text : "")).join("");
/** The left indent of a `w:num`'s level 0, in twips. */
function levelIndent(numbering: string, numId: string): number {
  const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"`).exec(numbering)![1];
  const abstract = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
  return Number(/<w:ind w:left="(\d+)"/.exec(abstract)![1]);
}
const numbered = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === "paragraph" && b.number !== null ? [b] : []));

describe("renderDocx on a rich submission", () => {
  const model = exportModel(richDraft(), { language: "en", headingNumbering: UN_HEADING_NUMBERING });
  let buffer: Buffer;
  let parts: Parts;
  let body: ReturnType<typeof paragraphs>;

  beforeAll(async () => {
    buffer = await renderDocx(model, RICH_COVER, { tableOfContents: true });
    parts = readDocx(buffer);
    body = paragraphs(parts["word/document.xml"]!);
  });

  it("is a package of well-formed XML parts", () => {
    expect(model.footnotes).toHaveLength(50);
    expect(numbered(model.blocks).length).toBeGreaterThanOrEqual(30);
    for (const [name, xml] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) expect([name, xmlError(xml)]).toEqual([name, null]);
  });

  it("writes every note as a native Word footnote with its text, referenced once each in reading order", () => {
    const notes = footnotes(parts["word/footnotes.xml"]!);
    expect(notes).toHaveLength(model.footnotes.length);
    for (const note of model.footnotes) expect(notes.find((n) => n.id === note.number)?.text.trim()).toBe(plain(note.content));
    // Word numbers footnotes by where their references fall, so order is what makes the numbers right.
    const refs = [...parts["word/document.xml"]!.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(model.footnotes.map((n) => n.number));
    expect(notes.find((n) => n.id === 10)?.text.trim()).toBe("Ibid., para. 186.61.");
    expect(notes.find((n) => n.id === 3)?.xml).toMatch(/<w:i\/>[\s\S]*“China \(including Hong Kong/);
    expect(parts["word/footnotes.xml"]).toContain('<w:pStyle w:val="FootnoteText"/>');
  });

  it("keeps links inside footnotes working: a hyperlink whose relationship is in footnotes.xml.rels", () => {
    const url = "http://www.ohchr.org/en/hrbodies/upr/pages/uprmain.aspx";
    const note = footnotes(parts["word/footnotes.xml"]!).find((n) => n.id === 1)!;
    const rid = /<w:hyperlink [^>]*r:id="([^"]+)"/.exec(note.xml)?.[1];
    expect(rid).toBeTruthy();
    const rels = parts["word/_rels/footnotes.xml.rels"]!;
    expect(rels).toMatch(new RegExp(`Id="${rid}" Type="[^"]+/hyperlink" Target="${url.replace(/\./g, "\\.")}" TargetMode="External"`));
    // Query strings stay intact: & is escaped in the relationship, not cut.
    expect(rels).toContain("dpage_e.aspx?b=10&amp;se=68&amp;t=11");
  });

  it("numbers body paragraphs with one Word list whose count equals the model's numbers", () => {
    const first = numbered(model.blocks)[0]!;
    const numId = body.find((p) => p.text === plain(first.content))!.numId;
    expect(numId).not.toBeNull();
    const carrying = body.filter((p) => p.numId === numId);
    expect(carrying.map((p) => p.text)).toEqual(numbered(model.blocks).map((b) => plain(b.content)));
    const labels = wordLabels(parts["word/document.xml"]!, parts["word/numbering.xml"]!);
    const shown = body.flatMap((p, i) => (p.numId === numId ? [labels[i]] : []));
    expect(shown).toEqual(numbered(model.blocks).map((b) => `${b.number}.`));
    // The lead-in and the empty paragraph carry no number.
    expect(body.find((p) => p.text === "The coalition recommends that the State:")?.numId).toBeNull();
  });

  it("labels subparagraphs (a), (i) and restarts each list at its start", () => {
    const labels = wordLabels(parts["word/document.xml"]!, parts["word/numbering.xml"]!);
    const labelOf = (text: string) => labels[body.findIndex((p) => p.text === text)];
    expect(["Repeal the law on gatherings;", "Release those detained, in particular:", "Report on progress."].map(labelOf)).toEqual(["(a)", "(b)", "(c)"]);
    expect(["lawyers;", "journalists;"].map(labelOf)).toEqual(["(i)", "(ii)"]);
    expect(["Continuing at (c).", "And (d).", "no moratorium", "no data"].map(labelOf)).toEqual(["(c)", "(d)", "(a)", "(b)"]);
    // The nested list sits one centimetre further in than its parent.
    const indent = (text: string) => levelIndent(parts["word/numbering.xml"]!, body.find((p) => p.text === text)!.numId!);
    expect(indent("lawyers;") - indent("Repeal the law on gatherings;")).toBe(567);
  });

  it("writes heading labels as the template numbers them, in Word heading styles the TOC reads", () => {
    const headings = body.filter((p) => /<w:pStyle w:val="Heading[123]"\/>/.test(p.xml) && !p.xml.includes("TOC"));
    expect(headings.map((p) => p.text.split("\t")[0])).toEqual(["I.", "A.", "1.", "II."]);
    expect(parts["word/document.xml"]).toContain("TOC \\h \\o &quot;1-3&quot;");
    expect(parts["word/settings.xml"]).toContain("<w:updateFields/>");
  });

  it("gives the table of contents a page of its own, as the PDF does: a page break between it and the text", () => {
    const xml = parts["word/document.xml"]!;
    const contentsEnd = xml.indexOf('w:fldCharType="end"', xml.indexOf("TOC \\h"));
    const firstHeading = xml.indexOf('<w:pStyle w:val="Heading1"/>', contentsEnd);
    expect(contentsEnd).toBeGreaterThan(0);
    expect(firstHeading).toBeGreaterThan(contentsEnd);
    expect(xml.slice(contentsEnd, firstHeading)).toContain('<w:br w:type="page"/>');
  });

  it("sets Arabic right to left and tags Arabic and Chinese runs with their language", () => {
    const arabic = body.find((p) => p.text === ARABIC_TEXT)!;
    expect(arabic.xml).toContain("<w:bidi/>");
    expect(arabic.xml).toContain("<w:rtl/>");
    expect(arabic.xml).toContain('w:bidi="ar"');
    const chinese = body.find((p) => p.text === CHINESE_TEXT)!;
    expect(chinese.xml).toContain('w:eastAsia="zh"');
    expect(chinese.xml).not.toContain("<w:bidi/>");
    expect(parts["word/styles.xml"]).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman"/><w:sz w:val="24"/>');
  });

  it("renders the table with a repeating header row and a grid, and the recommendation with its note after the quotation", () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(parts["word/document.xml"]!)![0];
    expect(table).toContain("<w:tblHeader/>");
    expect(table).toContain('<w:insideV w:val="single"');
    expect(paragraphs(table).map((p) => p.text).slice(0, 3)).toEqual(["Recommendation", "Position", "Assessment"]);
    const provenance = body.find((p) => p.text === "Recommendation 186.60 (Australia), A/HRC/25/5, noted")!;
    expect(provenance.xml).toContain("<w:i/>");
    expect(provenance.xml).not.toContain("<w:footnoteReference");
    const quote = body[body.indexOf(provenance) - 1]!;
    expect(quote.text).toBe("Abolish the death penalty.");
    expect(quote.xml).toMatch(/<w:footnoteReference w:id="\d+"\/><\/w:r><\/w:p>$/);
  });

  it("prints the cover, the short title in the header and Page X of Y in the footer", () => {
    const texts = body.map((p) => p.text);
    expect(texts.slice(0, 8)).toEqual([RICH_COVER.title, "Universal Periodic Review, 45th session", "State under review: China", "Joint submission by:", ...RICH_COVER.organisations, `Contact: ${RICH_COVER.contact}`, "27 November 2026"]);
    const header = Object.entries(parts).find(([name]) => /^word\/header\d+\.xml$/.test(name))![1];
    expect(header).toContain(RICH_COVER.title);
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d+\.xml$/.test(name))![1];
    expect(footer.match(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)?.map((s) => s.replace(/<[^>]+>/g, "").trim())).toEqual(["PAGE", "NUMPAGES"]);
    expect(paragraphs(footer)[0]!.text).toBe("Page  of ");
  });

  it("keeps user text as text: markup, CDATA ends and field-looking text appear escaped, and no field is made of them", () => {
    const document = parts["word/document.xml"]!;
    expect(body.some((p) => p.text === MARKUP_TEXT)).toBe(true);
    expect(document).toContain("&lt;w:t&gt;x&lt;/w:t&gt; ]]&gt; { PAGE } #read(&quot;x&quot;) &amp;amp;");
    const instructions = [...document.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!);
    expect(instructions.every((i) => /^(TOC \\h \\o &quot;1-3&quot;|PAGEREF _Toc\d+ \\h)$/.test(i))).toBe(true);
  });

  it("names no person in the file's metadata, and carries no comments", () => {
    const core = parts["docProps/core.xml"]!;
    expect(/<dc:creator>([^<]*)<\/dc:creator>/.exec(core)?.[1]).toBe("Caucus");
    expect(/<cp:lastModifiedBy>([^<]*)<\/cp:lastModifiedBy>/.exec(core)?.[1]).toBe("Caucus");
    expect(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1]).toBe(RICH_COVER.title);
    // The contact person is on the cover page, and nowhere in the properties.
    expect(parts["word/document.xml"]).toContain(CONTACT_PERSON);
    const metadata = Object.entries(parts).filter(([name]) => name.startsWith("docProps/")).map(([, xml]) => xml).join("\n");
    expect(metadata).not.toContain(CONTACT_PERSON);
    expect(metadata).not.toMatch(/Un-named/);
    const user = userInfo().username;
    if (user.length >= 4) expect(metadata).not.toContain(user);
    expect(Object.keys(parts).filter((name) => /comment/i.test(name))).toEqual([]);
    expect(Object.values(parts).join("\n")).not.toMatch(/<w:comment[ >]|<w:commentReference/);
  });

  // LibreOffice is another writer's reader of the file: .ci/run installs it, so in CI it must run.
  it.runIf(libreOfficeAvailable())("opens in LibreOffice and converts to PDF with its notes and numbers", () => {
    const dir = mkdtempSync(join(tmpdir(), "caucus-docx-"));
    try {
      writeFileSync(join(dir, "submission.docx"), buffer);
      // A profile of its own, so a LibreOffice already open on the machine does not take the job.
      const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
      const run = spawnSync("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "submission.docx")], { timeout: 120_000 });
      expect(run.status, String(run.stderr)).toBe(0);
      const text = spawnSync("pdftotext", ["-layout", join(dir, "submission.pdf"), "-"], { encoding: "utf8" }).stdout;
      // Word numbering as LibreOffice lays it out: the last paragraph number and the last note.
      expect(text).toMatch(/^\s*38\.\s/m);
      const lastNote = model.footnotes.at(-1)!.content.map((r) => (r.kind === "text" ? r.text : "")).join("");
      expect(text.replace(/\s+/g, " ")).toContain(lastNote.replace(/\s+/g, " ").slice(0, 40));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("renderDocx, other cases", () => {
  it("never names a confidential organisation anywhere in the package", async () => {
    const cover = exportCover(
      { ...EMPTY_COVER, title: "Joint submission", organisations: ["a", "b"], mechanism: "UPR" },
      [
        { id: "a", name: "Coalition for Rights", acronym: "CR", confidential: false },
        { id: "b", name: CONFIDENTIAL_NAME, acronym: "HDC", confidential: true },
      ],
      "UPR",
    );
    const parts = readDocx(await renderDocx(exportModel(richDraft(), { language: "en", headingNumbering: UN_HEADING_NUMBERING }), cover));
    const all = Object.values(parts).join("\n");
    expect(all).toContain("Coalition for Rights (CR)");
    expect(all).not.toContain(CONFIDENTIAL_NAME);
    expect(all).not.toContain("HDC");
  });

  it("sets an Arabic document right to left throughout, notes included, and leaves the TOC out unless asked", async () => {
    const model = exportModel(richDraft(), { language: "ar", headingNumbering: UN_HEADING_NUMBERING });
    const parts = readDocx(await renderDocx(model, { ...RICH_COVER, title: "تقرير مشترك" }));
    const body = paragraphs(parts["word/document.xml"]!).filter((p) => p.text.trim());
    const english = body.filter((p) => p.text === plain(numbered(model.blocks)[0]!.content));
    expect(english.every((p) => p.xml.includes("<w:bidi/>"))).toBe(true);
    expect(footnotes(parts["word/footnotes.xml"]!).every((n) => n.xml.includes("<w:bidi/>"))).toBe(true);
    expect(parts["word/styles.xml"]).toContain('<w:lang w:val="ar" w:bidi="ar"/>');
    // A Chinese paragraph in it is left to right: its own language decides.
    expect(body.find((p) => p.text === CHINESE_TEXT)?.xml).not.toContain("<w:bidi/>");
    expect(parts["word/document.xml"]).not.toContain("TOC \\h");
    expect(parts["word/settings.xml"]).not.toContain("<w:updateFields/>");
  });

  it("shows the model's number even if the model ever skipped one, French subparagraphs as a), bullets as •", async () => {
    const para = (number: number | null, text: string): Block => ({ kind: "paragraph", number, content: [{ kind: "text", text, marks: {} }], lang: null, dir: null });
    const model: ExportDocument = {
      language: "fr",
      dir: "ltr",
      footnotes: [],
      blocks: [para(1, "un"), para(2, "deux"), para(5, "cinq"), para(6, "six"), { kind: "list", style: "lower-alpha", bullet: null, start: 1, items: [[para(null, "alinéa")]] }, { kind: "list", style: "bullet", bullet: "disc", start: 1, items: [[para(null, "puce")]] }],
    };
    const parts = readDocx(await renderDocx(model, { ...RICH_COVER, organisations: [] }));
    const labels = wordLabels(parts["word/document.xml"]!, parts["word/numbering.xml"]!).filter(Boolean);
    expect(labels).toEqual(["1.", "2.", "5.", "6.", "a)", "•"]);
  });
});
