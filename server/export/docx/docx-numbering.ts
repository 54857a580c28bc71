import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions } from "docx";
import { LIST_STYLE_SPECS, type BulletStyle, type ListCounter } from "../../../core/editor/list-styles";
import type { ListStyle } from "../../../core/export/export-model";
import { INDENT } from "./docx-styles";

type NumberingDefinition = INumberingOptions["config"][number];

/** What a numbered paragraph passes to docx: its list (one Word `w:num`) at level 0. */
export interface ParagraphNumbering {
  reference: string;
  level: 0;
  /** No implicit ListParagraph style: the paragraph keeps its own indents. */
  custom: true;
}

const FORMATS: Record<ListCounter, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  decimal: LevelFormat.DECIMAL,
  "lower-alpha": LevelFormat.LOWER_LETTER,
  "lower-roman": LevelFormat.LOWER_ROMAN,
  "upper-alpha": LevelFormat.UPPER_LETTER,
  "upper-roman": LevelFormat.UPPER_ROMAN,
};

/**
 * Each bullet as Word's own bullet library writes it, so the file looks in Word as the
 * author's did and our reader (and Word's) knows the marker again: the circle is Courier New's
 * "o", the square and the arrow Wingdings characters (U+F0A7, U+F0D8) in Word's private-use
 * mapping; the disc and the dash are ordinary characters of the body font.
 */
const BULLETS: Record<BulletStyle, { text: string; font?: string }> = {
  disc: { text: "\u2022" },
  circle: { text: "o", font: "Courier New" },
  square: { text: "\uF0A7", font: "Wingdings" },
  arrow: { text: "\uF0D8", font: "Wingdings" },
  dash: { text: "\u2013" },
};

/**
 * The label around a list counter. Parenthesised styles are "(a)", "(i)", "(1)" in English;
 * French and Spanish write "a)" and "i)" (docs/domain.md §4a); the others take a full stop.
 */
function levelText(style: Exclude<ListStyle, "bullet">, language: string): string {
  if (LIST_STYLE_SPECS[style].parenthesised) return /^(fr|es)\b/i.test(language) ? "%1)" : "(%1)";
  return "%1.";
}

/**
 * Every Word list the export needs, made while the blocks are rendered. Each list is its own
 * abstract definition with one level, so Word counts each exactly as the model numbers it: body
 * paragraphs in one list that continues through the document (headings, tables and lists in
 * between do not interrupt a `w:num`), and every (a)/(i) list separately from its `start`.
 */
export class NumberingPlan {
  private readonly config: NumberingDefinition[] = [];
  private paragraphs: { reference: string; next: number } | null = null;

  constructor(private readonly language: string) {}

  /**
   * The numbering for body paragraph `number`. Consecutive numbers share one list; should the
   * model ever skip or repeat a number, a new list starts at that number, so what Word shows is
   * still exactly the model's number (OHCHR cites it: "JS2, para. 43").
   */
  paragraph(number: number): ParagraphNumbering {
    if (!this.paragraphs || this.paragraphs.next !== number) {
      const reference = `paragraphs-${this.config.length}`;
      this.add(reference, { level: 0, format: LevelFormat.DECIMAL, text: "%1.", start: number, alignment: AlignmentType.START, style: { paragraph: { indent: { left: INDENT, hanging: INDENT } } } });
      this.paragraphs = { reference, next: number };
    }
    this.paragraphs.next = number + 1;
    return { reference: this.paragraphs.reference, level: 0, custom: true };
  }

  /** A new list (its own counter from `start`) whose label hangs in the `indent`'s last centimetre. */
  list(style: ListStyle, bullet: BulletStyle | null, start: number, indent: number): ParagraphNumbering {
    const reference = `list-${this.config.length}`;
    const paragraph = { indent: { left: indent, hanging: INDENT } };
    if (style === "bullet") {
      const { text, font } = BULLETS[bullet ?? "disc"];
      this.add(reference, { level: 0, format: LevelFormat.BULLET, text, alignment: AlignmentType.START, style: { paragraph, run: font ? { font } : undefined } });
      return { reference, level: 0, custom: true };
    }
    this.add(reference, {
      level: 0,
      format: FORMATS[LIST_STYLE_SPECS[style].counter],
      text: levelText(style, this.language),
      start: Math.max(1, Math.floor(start)),
      alignment: AlignmentType.START,
      style: { paragraph },
    });
    return { reference, level: 0, custom: true };
  }

  definitions(): INumberingOptions {
    return { config: this.config };
  }

  private add(reference: string, level: ILevelsOptions): void {
    this.config.push({ reference, levels: [level] });
  }
}
