import type { MessageId } from "../i18n/message";

/**
 * The list styles real submissions use, as one table the editor, the Word reader and both
 * exporters read: an ordered list counts with a counter in a form ("1." or "(1)"), a bulleted
 * list shows a marker. A style is stored on the list node (`listStyle`, `bulletStyle`), so it
 * syncs through Yjs like any other attribute; labels are never stored.
 */

/** How an ordered list counts. The names of the first four predate this table and stay (stored drafts use them). */
export const LIST_STYLES = [
  "decimal",
  "decimal-parenthesised",
  "lower-alpha",
  "lower-alpha-period",
  "upper-alpha",
  "lower-roman",
  "lower-roman-period",
  "upper-roman",
] as const;
export type ListStyle = (typeof LIST_STYLES)[number];

export type ListCounter = "decimal" | "lower-alpha" | "upper-alpha" | "lower-roman" | "upper-roman";

export interface ListStyleSpec {
  counter: ListCounter;
  /** "(a)" rather than "a.": UN sub-paragraphs are (a) and (i) (docs/domain.md §4a). */
  parenthesised: boolean;
  /** What the style menu says, read aloud as well as shown: a catalogue id (locales/ui/<language>/editor.json). */
  name: MessageId;
}

export const LIST_STYLE_SPECS: Record<ListStyle, ListStyleSpec> = {
  decimal: { counter: "decimal", parenthesised: false, name: "editor.listStyle.decimal" },
  "decimal-parenthesised": { counter: "decimal", parenthesised: true, name: "editor.listStyle.decimalParenthesised" },
  "lower-alpha": { counter: "lower-alpha", parenthesised: true, name: "editor.listStyle.lowerAlpha" },
  "lower-alpha-period": { counter: "lower-alpha", parenthesised: false, name: "editor.listStyle.lowerAlphaPeriod" },
  "upper-alpha": { counter: "upper-alpha", parenthesised: false, name: "editor.listStyle.upperAlpha" },
  "lower-roman": { counter: "lower-roman", parenthesised: true, name: "editor.listStyle.lowerRoman" },
  "lower-roman-period": { counter: "lower-roman", parenthesised: false, name: "editor.listStyle.lowerRomanPeriod" },
  "upper-roman": { counter: "upper-roman", parenthesised: false, name: "editor.listStyle.upperRoman" },
};

/** The ordered style with this counter and form, if the editor has one. */
export function listStyleFor(counter: ListCounter, parenthesised: boolean): ListStyle | null {
  return LIST_STYLES.find((style) => LIST_STYLE_SPECS[style].counter === counter && LIST_STYLE_SPECS[style].parenthesised === parenthesised) ?? null;
}

/** The marker a bulleted list shows. */
export const BULLET_STYLES = ["disc", "circle", "square", "arrow", "dash"] as const;
export type BulletStyle = (typeof BULLET_STYLES)[number];

export const BULLET_SPECS: Record<BulletStyle, { marker: string; name: MessageId }> = {
  disc: { marker: "\u2022", name: "editor.listStyle.disc" },
  circle: { marker: "o", name: "editor.listStyle.circle" },
  square: { marker: "\u25AA", name: "editor.listStyle.square" },
  arrow: { marker: "\u27A2", name: "editor.listStyle.arrow" },
  dash: { marker: "\u2013", name: "editor.listStyle.dash" },
};

export const isListStyle = (value: unknown): value is ListStyle => LIST_STYLES.includes(value as ListStyle);
export const isBulletStyle = (value: unknown): value is BulletStyle => BULLET_STYLES.includes(value as BulletStyle);
