import { AlignmentType, type IRunOptions, type IStylesOptions } from "docx";
import { cleanLang, directionOf } from "../../../core/editor/language";

/** Twips in one centimetre (rounded): the UN layout indents body text and subparagraphs by steps of 1 cm. */
export const INDENT = 567;

/** Half-points, as Word stores sizes: 12 pt body, 10 pt notes (UN Editorial Manual practice). */
export const BODY_SIZE = 24;
export const NOTE_SIZE = 20;

/**
 * Times New Roman for Latin, Cyrillic, Greek and complex scripts (Arabic); SimSun for Chinese.
 * SimSun rather than Noto Serif CJK SC: the file is opened in Word on Windows at OHCHR and by
 * most coalitions, where SimSun ships with the system and is the font of UN Chinese documents;
 * Noto Serif CJK SC is not installed there, so Word would substitute a font of its own choosing.
 * LibreOffice on Linux maps SimSun to an installed CJK serif through fontconfig.
 */
export const FONTS = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "SimSun" } as const;

/** A run's `w:lang` (docx does not export its type by name). */
export type LanguageOptions = NonNullable<IRunOptions["language"]>;

const EAST_ASIAN = new Set(["zh", "ja", "ko"]);

/** A block's language as Word tags runs: Latin/Cyrillic in `w:val`, Chinese in `w:eastAsia`, Arabic in `w:bidi`. */
export function languageTag(lang: string): LanguageOptions {
  const primary = lang.toLowerCase().split("-")[0] ?? "";
  if (EAST_ASIAN.has(primary)) return { value: lang, eastAsia: lang };
  if (directionOf(lang) === "rtl") return { value: lang, bidirectional: lang };
  return { value: lang };
}

/** The language a block is written in: its own tag when well-formed, else the document's. */
export function blockLanguage(own: string | null, documentLanguage: string): string {
  return cleanLang(own) ?? cleanLang(documentLanguage) ?? "en";
}

const heading = (size: number, italics = false, bold = true) => ({
  run: { font: FONTS, size, sizeComplexScript: size, bold, italics, color: "000000" },
  paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 120 } },
});

/**
 * The document's styles: defaults for every run (fonts, 12 pt, the document language) and the
 * few named styles the exporter uses, overriding docx's blue Office headings with the plain bold
 * black of UN documents.
 */
export function documentStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONTS, size: BODY_SIZE, sizeComplexScript: BODY_SIZE, language: languageTag(blockLanguage(null, language)) },
        paragraph: { spacing: { after: 120, line: 240 } },
      },
      title: { run: { font: FONTS, size: 28, sizeComplexScript: 28, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
      heading1: heading(BODY_SIZE),
      heading2: heading(BODY_SIZE),
      heading3: heading(BODY_SIZE, true),
      // The fourth level, "(a)" in UN documents, is set in italics without bold, below the bold italic third.
      heading4: heading(BODY_SIZE, true, false),
      footnoteText: { run: { font: FONTS, size: NOTE_SIZE, sizeComplexScript: NOTE_SIZE }, paragraph: { spacing: { after: 0, line: 240 } } },
    },
  };
}
