import { describe, expect, it } from "vitest";
import type { ExportDocument } from "../../../core/export/export-model";
import { pdfToolsAvailable } from "../../../test/export-tools";
import { listFontFiles, MissingFontError, resolveFonts, scriptsIn, type Script } from "./fonts";
import { RICH_COVER } from "./render-pdf.fixtures";

const LIBERATION = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
const CJK = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const NASKH = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";
const SANS_ARABIC = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";

const needs = (...scripts: Script[]) => new Set<Script>(["latin", ...scripts]);

describe("the PDF's fonts", () => {
  it.runIf(pdfToolsAvailable())("are installed on this machine for all six UN languages", () => {
    const files = listFontFiles();
    expect(resolveFonts(files, needs("han", "arabic")).families).toEqual(["Liberation Serif", "Noto Naskh Arabic", "Noto Serif CJK SC"]);
  });

  it("fall back from Naskh to Noto Sans Arabic, and leave out what is not installed and not needed", () => {
    expect(resolveFonts([LIBERATION, SANS_ARABIC], needs("arabic"))).toEqual({ families: ["Liberation Serif", "Noto Sans Arabic"], dirs: ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/noto"] });
    expect(resolveFonts([LIBERATION, NASKH, SANS_ARABIC], needs()).families).toEqual(["Liberation Serif", "Noto Naskh Arabic"]);
  });

  it("refuse a document whose script has no font, naming the Debian package, instead of printing boxes", () => {
    const missing = (files: string[], ...scripts: Script[]) => {
      try {
        resolveFonts(files, needs(...scripts));
      } catch (error) {
        return error;
      }
      return null;
    };
    const chinese = missing([LIBERATION, NASKH], "han");
    expect(chinese).toBeInstanceOf(MissingFontError);
    expect((chinese as Error).message).toMatch(/Chinese text needs the font "Noto Serif CJK SC".*Debian package fonts-noto-cjk/);
    expect((missing([LIBERATION, CJK], "arabic") as Error).message).toMatch(/Arabic text needs the font "Noto Naskh Arabic".*fonts-noto-core/);
    expect((missing([CJK, NASKH]) as Error).message).toMatch(/"Liberation Serif".*fonts-liberation2/);
  });

  it("are chosen from the scripts in the text, the notes and the cover", () => {
    const doc = (text: string, note = ""): ExportDocument => ({
      language: "en",
      dir: "ltr",
      blocks: [{ kind: "list", style: "bullet", bullet: "disc", start: 1, items: [[{ kind: "paragraph", number: null, content: [{ kind: "text", text, marks: {} }], lang: null, dir: null }]] }],
      footnotes: [{ number: 1, content: [{ kind: "text", text: note, marks: {} }] }],
    });
    expect([...scriptsIn(doc("Human rights"), RICH_COVER)]).toEqual(["latin"]);
    expect([...scriptsIn(doc("Права человека"), RICH_COVER)]).toEqual(["latin"]);
    expect(scriptsIn(doc("言论自由"), RICH_COVER).has("han")).toBe(true);
    expect(scriptsIn(doc("Text", "حقوق الإنسان"), RICH_COVER).has("arabic")).toBe(true);
    expect(scriptsIn(doc("Text"), { ...RICH_COVER, organisations: ["中国人权"] }).has("han")).toBe(true);
  });
});
