import type { Extensions } from "@tiptap/core";
import Subscript from "@tiptap/extension-subscript";
import Superscript from "@tiptap/extension-superscript";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { BlockLanguage } from "./language";
import { Citation } from "./nodes/citation";
import { Footnote } from "./nodes/footnote";
import { UnBulletList } from "./nodes/bullet-list";
import { UnOrderedList } from "./nodes/ordered-list";
import { UnParagraph } from "./nodes/paragraph";
import { Recommendation } from "./nodes/recommendation";
import { SectionHeading } from "./nodes/section-heading";
import { NumberingDecorations } from "./numbering-decorations";
import { OwnEditsTrailingNode } from "./own-edits";
import { HEADING_LEVELS, NO_HEADING_NUMBERING, type HeadingNumbering } from "./numbering";

/** The Y.Doc field holding the ProseMirror document (docs/design.md §4). */
export const BODY_FIELD = "body";

const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

/** Links may only point at the web or an email address: no javascript:, data: or file: URLs. */
export function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

export interface DocumentOptions {
  /** The template's heading numbering ("I.", "A.", "1."); only changes how headings are shown. */
  headingNumbering?: HeadingNumbering;
}

/**
 * The ONE extension list: the browser editor, the collaboration server (Y.Doc → canonical
 * JSON), templates, checks and exporters all build their schema from it, so they agree on what a
 * document is. Browser-only behaviour (collaboration, carets, node views) is added in app/editor.
 */
export function documentExtensions(options: DocumentOptions = {}): Extensions {
  return [
    StarterKit.configure({
      // Yjs's UndoManager replaces ProseMirror history: it undoes only this person's changes.
      undoRedo: false,
      heading: { levels: [...HEADING_LEVELS] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      // Replaced by the UN variants below (numbered paragraphs, list styles and bullet markers).
      paragraph: false,
      orderedList: false,
      bulletList: false,
      // Replaced by one that follows only this person's own edits (own-edits.ts).
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        isAllowedUri: (url) => isAllowedLink(url),
      },
    }),
    OwnEditsTrailingNode,
    UnParagraph,
    UnOrderedList,
    UnBulletList,
    Superscript,
    Subscript,
    // A header row, no merged cells required; column resizing is a browser nicety kept off the schema.
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Footnote,
    Citation,
    Recommendation,
    BlockLanguage,
    SectionHeading,
    NumberingDecorations.configure({ headingNumbering: options.headingNumbering ?? NO_HEADING_NUMBERING }),
  ];
}
