/** Small builders for starter content (ProseMirror JSON), so template files read as prose. */
import { placeholder } from "../core/checks/placeholders";

/** "[Organisation]": text still to be written; the pre-flight checks report it where it is left. */
export { placeholder };

/** An organisation as a starter sentence names it, acronym after the name: "[Organisation] ([ACRONYM])". */
export const ORGANISATION = `${placeholder("Organisation")} (${placeholder("ACRONYM")})`;

export type Block = { type: string } & Record<string, unknown>;

const text = (value: string) => ({ type: "text", text: value });

/** A paragraph; starter text is written as placeholders (`placeholder()`), to be replaced. */
export function paragraph(value = "", numbered = true): Block {
  return { type: "paragraph", attrs: { numbered }, content: value ? [text(value)] : [] };
}

/** A heading; `section` ties it to its template section (guidance, budgets, outline). */
export function heading(level: 1 | 2 | 3, value: string, section: string | null = null): Block {
  return { type: "heading", attrs: { level, section }, content: [text(value)] };
}

/** A table with a header row and one empty row to start from. */
export function table(headers: string[]): Block {
  const cell = (type: string, value: string) => ({ type, content: [paragraph(value, false)] });
  return {
    type: "table",
    content: [
      { type: "tableRow", content: headers.map((h) => cell("tableHeader", h)) },
      { type: "tableRow", content: headers.map(() => cell("tableCell", "")) },
    ],
  };
}

/** "(a) …, (b) …": the UN way of listing recommendations inside a paragraph's section. */
export function lettered(items: string[]): Block {
  return {
    type: "orderedList",
    attrs: { listStyle: "lower-alpha" },
    content: items.map((item) => ({ type: "listItem", content: [paragraph(item, false)] })),
  };
}
