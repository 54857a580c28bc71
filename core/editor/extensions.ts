import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/** The Y.Doc field holding the ProseMirror document (DESIGN.md §4). */
export const BODY_FIELD = "body";

const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

/** Links may only point at the web or an email address: no javascript:, data: or file: URLs. */
export function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

/**
 * The ONE extension list: the browser editor, the collaboration server (Y.Doc → canonical
 * JSON), templates, checks and exporters all build their schema from it, so they agree on what a
 * document is. Browser-only behaviour (collaboration, carets, node views) is added in app/editor.
 */
export function documentExtensions(): Extensions {
  return [
    StarterKit.configure({
      // Yjs's UndoManager replaces ProseMirror history: it undoes only this person's changes.
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        isAllowedUri: (url) => isAllowedLink(url),
      },
    }),
  ];
}
