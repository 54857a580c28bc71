import { Node as PMNode } from "@tiptap/pm/model";
import { documentSchema, NO_HEADING_NUMBERING, type Cover } from "../../core/editor";
import { exportModel, type ExportDocument } from "../../core/export/export-model";
import { sectionSpans } from "../../core/versions/sections";
import type { Draft } from "../../db/schema";
import { findTemplate } from "../../templates";

/** A version as its page shows it: the export model (numbers, notes as printed) and its sections. */
export interface VersionView {
  model: ExportDocument;
  /** The template sections it has, each restorable on its own. */
  sections: Array<{ section: string; heading: string }>;
  cover: Cover;
}

export function versionView(draft: Pick<Draft, "template_slug" | "mechanism">, content: Record<string, unknown>, cover: Cover): VersionView {
  const doc = PMNode.fromJSON(documentSchema(), content);
  const template = draft.template_slug ? findTemplate(draft.template_slug) : undefined;
  const model = exportModel(doc, { language: cover.language || "en", headingNumbering: template?.rules.headingNumbering ?? NO_HEADING_NUMBERING, mechanism: cover.mechanism || draft.mechanism });
  return { model, sections: sectionSpans(doc).map(({ section, heading }) => ({ section, heading })), cover };
}
