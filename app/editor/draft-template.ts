import type { HeadingNumbering } from "../../core/editor/numbering";

/** What the editor needs of a draft's template (sent by the draft page's loader). */
export interface DraftTemplate {
  title: string;
  headingNumbering: HeadingNumbering;
  // `required`: the template expects the section (a warning when missing); `mandated`: the
  // mechanism's own rules require it (an error), templates/schema.ts `mandatedBy`.
  sections: Array<{ id: string; title: string; guidance: string; required: boolean; mandated: boolean; numberedParagraphs: boolean }>;
  counts: { footnotes: boolean; headings: boolean; tables: boolean };
  wordLimit: number | null;
  /** For the pre-flight checks: the kind (joint submissions list every member), languages, cover. */
  kind: string;
  languages: string[];
  coverFields: string[];
  paragraphNumbering: boolean;
  /** The templates' placeholders, reported where left in the text. */
  placeholders: string[];
}
