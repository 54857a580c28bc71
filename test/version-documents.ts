/**
 * ProseMirror JSON builders for the versions tests (core/versions): a body reads like the page.
 * The same shapes as test/draft-content-factories.ts, without its database imports.
 */
export type Json = Record<string, unknown>;
type Inline = Json | string;

const inline = (content: Inline[]): Json[] => content.filter((c) => c !== "").map((c) => (typeof c === "string" ? { type: "text", text: c } : c));

export const doc = (...content: Json[]): Json => ({ type: "doc", content });
export const heading = (text: string, section: string | null = null, level = 1): Json => ({ type: "heading", attrs: { level, section }, content: text ? [{ type: "text", text }] : [] });
export const paragraph = (...content: Inline[]): Json => ({ type: "paragraph", content: inline(content) });
export const unnumbered = (...content: Inline[]): Json => ({ type: "paragraph", attrs: { numbered: false }, content: inline(content) });
export const footnote = (id: string, ...content: Inline[]): Json => ({ type: "footnote", attrs: { id }, content: inline(content) });
export const citation = (sourceId: string, label: string, pinpoint = ""): Json => ({ type: "citation", attrs: { sourceId, label, pinpoint } });
export const hardBreak = (): Json => ({ type: "hardBreak" });
export const bold = (text: string): Json => ({ type: "text", text, marks: [{ type: "bold" }] });
export const letteredList = (...items: string[]): Json => ({
  type: "orderedList",
  attrs: { listStyle: "lower-alpha" },
  content: items.map((item) => ({ type: "listItem", content: [{ type: "paragraph", attrs: { numbered: false }, content: item ? [{ type: "text", text: item }] : [] }] })),
});
export const table = (...rows: string[][]): Json => ({
  type: "table",
  content: rows.map((cells) => ({ type: "tableRow", content: cells.map((cell) => ({ type: "tableCell", content: [{ type: "paragraph", attrs: { numbered: false }, content: cell ? [{ type: "text", text: cell }] : [] }] })) })),
});
export const recommendation = (text: string, note?: Json): Json => ({ type: "recommendation", attrs: { text, symbol: "A/HRC/25/5", paragraph: "186.60" }, content: note ? [note] : [] });
