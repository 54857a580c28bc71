import { beforeAll, describe, expect, it } from "vitest";
import type { ExportDocument, Inline } from "../../../core/export/export-model";
import { pdfToolsAvailable } from "../../../test/export-tools";
import { renderPdf } from "./render-pdf";
import { flat, readPdf, RICH_COVER } from "./render-pdf.fixtures";

// Headings as pdftotext reads them: a wide numeral keeps its gap, and no heading word is split.

const t = (text: string): Inline => ({ kind: "text", text, marks: {} });
const heading = (level: 1 | 2 | 3, label: string, text: string) => ({ kind: "heading" as const, level, label, content: [t(text)], lang: null, dir: null });
const para = (number: number, text: string) => ({ kind: "paragraph" as const, number, content: [t(text)], lang: null, dir: null });

// Long words at the end of a line are where Typst would hyphenate a justified heading.
const LONG = "Internationalisation of counterterrorism responsibilities, extraterritorial accountability and the institutionalisation of surveillance";

describe.runIf(pdfToolsAvailable())("headings in a PDF", () => {
  let pages: string[];
  beforeAll(async () => {
    const model: ExportDocument = {
      language: "en",
      dir: "ltr",
      blocks: [
        heading(1, "I.", "Introduction"),
        para(1, "The text of the introduction."),
        heading(1, "VIII.", "Recommendations"),
        para(2, "The text of the recommendations."),
        heading(1, "XXVIII.", LONG),
        heading(2, "A.", LONG),
        heading(3, "12.", LONG),
      ],
      footnotes: [],
    };
    ({ pages } = readPdf(await renderPdf(model, { ...RICH_COVER, title: "Headings" })));
  });

  it("keeps a gap between a wide numeral and the heading's words", () => {
    const text = pages.join("\n");
    expect(text).toMatch(/^\s*VIII\.\s+Recommendations\s*$/m);
    expect(text).toMatch(/^\s*XXVIII\.\s+Internationalisation/m);
    expect(text).toMatch(/^\s*I\.\s+Introduction\s*$/m);
    expect(text).not.toMatch(/VIII\.Recommendations|XXVIII\.Internationalisation/);
  });

  it("never hyphenates a heading", () => {
    const text = pages.join("\n");
    expect(text).not.toContain("\u00ad");
    expect(text).not.toMatch(/[a-z]-\s*$/m);
    // Every heading's words come out whole, three times (levels 1, 2 and 3).
    for (const word of LONG.replace(/,/g, "").split(" ")) expect(flat(text), word).toContain(word);
    expect(flat(text).match(/extraterritorial accountability/g)).toHaveLength(3);
    expect(flat(text).match(/institutionalisation of surveillance/g)).toHaveLength(3);
    expect(flat(text).match(/counterterrorism responsibilities/g)).toHaveLength(3);
  });
});
