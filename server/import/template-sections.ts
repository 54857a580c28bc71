import type { Template } from "../../templates";

export type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; text?: string };

const headingKey = (text: string) =>
  text
    .replace(/^\s*(?:[IVXLC]+|[A-Z]|\d+)[.)]\s+/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/**
 * A Word file's headings carry no template section ids: a top-level heading whose words are a
 * section's title ("II. Introduction" → introduction) is marked as that section, so the
 * required-section rules see the sections the file has rather than report them all missing.
 */
export function withTemplateSections(json: object, template: Template): JsonNode {
  const doc = json as JsonNode;
  const byTitle = new Map(template.sections.map((section) => [headingKey(section.title), section.id]));
  const textOf = (node: JsonNode): string => node.text ?? (node.content ?? []).map(textOf).join("");
  return {
    ...doc,
    content: (doc.content ?? []).map((block) => {
      const section = block.type === "heading" ? byTitle.get(headingKey(textOf(block))) : undefined;
      return section ? { ...block, attrs: { ...block.attrs, section } } : block;
    }),
  };
}
