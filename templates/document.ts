import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { BODY_FIELD, documentSchema, writeCover, type Cover } from "../core/editor";
import { heading, paragraph, type Block } from "./blocks";
import { localiseTemplate } from "./localise";
import type { Template } from "./schema";

/**
 * The starting document of a new draft: each section's heading, then its starter content (or
 * an empty paragraph), with the section's numbering choice applied to its paragraphs. The draft
 * then lives on in its Y.Doc; templates never rewrite a draft after it was made. In the draft's
 * `language` where the template has it (English, French, Spanish), else in English.
 */
export function templateDocument(template: Template, language = "en"): { type: "doc"; content: Block[] } {
  const content: Block[] = [];
  for (const section of localiseTemplate(template, language).sections) {
    content.push(heading(section.level, section.title, section.id));
    const starter = (section.starter.length > 0 ? section.starter : [paragraph()]) as Block[];
    for (const block of starter) {
      content.push(block.type === "paragraph" && !section.numberedParagraphs ? { ...block, attrs: { ...(block.attrs as object), numbered: false } } : block);
    }
  }
  return { type: "doc", content };
}

/**
 * A new draft's first Y.Doc state: the template's document in the body and the cover in its
 * map (its language among them). The server stores it as the draft's first snapshot, so every client starts from the same
 * structure instead of each seeding its own copy (which would duplicate the sections).
 */
export function templateYDoc(template: Template, cover: Partial<Cover>): Y.Doc {
  // The cover's language is the draft's: a French draft starts with French headings.
  const doc = prosemirrorJSONToYDoc(documentSchema(), templateDocument(template, cover.language ?? "en"), BODY_FIELD);
  writeCover(doc, { ...cover, mechanism: template.mechanism });
  return doc;
}
