import { useEditorState, type Editor } from "@tiptap/react";
import { isAllowedLink } from "../../core/editor/extensions";
import { HEADING_LEVELS } from "../../core/editor/numbering";
import type { ListStyle } from "../../core/editor/nodes/ordered-list";
import { ListStyleMenu } from "./list-style-menu";

interface Tool {
  label: string;
  shortcut?: string;
  text: string;
  isActive?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const TOOLS: Tool[][] = [
  [
    { label: "Undo your last change", shortcut: "Ctrl+Z", text: "↶", run: (e) => e.chain().focus().undo().run() },
    { label: "Redo", shortcut: "Ctrl+Shift+Z", text: "↷", run: (e) => e.chain().focus().redo().run() },
  ],
  [
    { label: "Normal text", text: "¶", isActive: (e) => e.isActive("paragraph"), run: (e) => e.chain().focus().setParagraph().run() },
    ...HEADING_LEVELS.map((level) => ({
      // The visible "H1" is part of the name, so speech control ("click H1") finds it too.
      label: `Heading ${level}, H${level}`,
      text: `H${level}`,
      isActive: (e: Editor) => e.isActive("heading", { level }),
      run: (e: Editor) => e.chain().focus().toggleHeading({ level }).run(),
    })),
  ],
  [
    { label: "Bold", shortcut: "Ctrl+B", text: "B", isActive: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
    { label: "Italic", shortcut: "Ctrl+I", text: "I", isActive: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
    { label: "Underline", shortcut: "Ctrl+U", text: "U", isActive: (e) => e.isActive("underline"), run: (e) => e.chain().focus().toggleUnderline().run() },
    { label: "Link", text: "Link", isActive: (e) => e.isActive("link"), run: editLink },
  ],
  [
    { label: "Superscript x²", text: "x²", isActive: (e) => e.isActive("superscript"), run: (e) => e.chain().focus().toggleSuperscript().run() },
    { label: "Subscript x₂", text: "x₂", isActive: (e) => e.isActive("subscript"), run: (e) => e.chain().focus().toggleSubscript().run() },
  ],
  [
    { label: "Bulleted list", text: "•", isActive: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
    {
      label: "Sub-paragraphs (a), (b)",
      text: "(a)",
      isActive: (e) => e.isActive("orderedList", { listStyle: "lower-alpha" }),
      run: (e) => orderedList(e, "lower-alpha"),
    },
    {
      label: "Sub-paragraphs (i), (ii)",
      text: "(i)",
      isActive: (e) => e.isActive("orderedList", { listStyle: "lower-roman" }),
      run: (e) => orderedList(e, "lower-roman"),
    },
    { label: "Numbered list 1., 2., 3.", text: "1.", isActive: (e) => e.isActive("orderedList", { listStyle: "decimal" }), run: (e) => orderedList(e, "decimal") },
  ],
  [
    {
      label: "Unnumbered paragraph (no number in the margin)",
      text: "¶̸",
      isActive: (e) => e.isActive("paragraph", { numbered: false }),
      run: (e) => e.chain().focus().setParagraphNumbered(e.isActive("paragraph", { numbered: false })).run(),
    },
    { label: "Right to left", text: "⇠", isActive: (e) => e.isActive({ dir: "rtl" }), run: toggleDirection },
    { label: "Quote", text: "❝", isActive: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
    { label: "Table with a header row", text: "▦", run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  ],
  [{ label: "Footnote", shortcut: "Ctrl+Alt+F", text: "Footnote", isActive: (e) => e.isActive("footnote"), run: (e) => e.chain().focus().insertFootnote().run() }],
];

/** Toggles an ordered list of this style, or restyles the list the cursor is in. */
function orderedList(editor: Editor, style: ListStyle): void {
  if (editor.isActive("orderedList")) {
    if (editor.isActive("orderedList", { listStyle: style })) editor.chain().focus().toggleOrderedList().run();
    else editor.chain().focus().setListStyle(style).run();
    return;
  }
  editor.chain().focus().toggleOrderedList().setListStyle(style).run();
}

/** One Arabic paragraph in an English draft: right to left, marked as Arabic unless said otherwise. */
function toggleDirection(editor: Editor): void {
  const type = editor.isActive("heading") ? "heading" : "paragraph";
  const rtl = editor.isActive({ dir: "rtl" });
  editor
    .chain()
    .focus()
    .updateAttributes(type, rtl ? { dir: null, lang: null } : { dir: "rtl", lang: editor.getAttributes(type).lang ?? "ar" })
    .run();
}

function editLink(editor: Editor): void {
  const current = editor.getAttributes("link").href as string | undefined;
  const answer = window.prompt("Link address (https://… or mailto:…). Leave empty to remove the link.", current ?? "https://");
  if (answer === null) return;
  if (answer.trim() === "") {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return;
  }
  if (!isAllowedLink(answer)) {
    window.alert("Links must start with https://, http:// or mailto:.");
    return;
  }
  editor.chain().focus().extendMarkRange("link").setLink({ href: answer.trim() }).run();
}

/**
 * Formatting controls. Read-only people see them disabled, with the reason beside them; the
 * Comment button stays for everyone who may comment (reviewers included).
 */
export function Toolbar({ editor, readOnlyReason, onComment }: { editor: Editor; readOnlyReason: string | null; onComment: (() => void) | null }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => TOOLS.flat().map((tool) => tool.isActive?.(e) ?? false),
  });
  let index = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {TOOLS.map((group, g) => (
        <div className="toolbar-group" key={g}>
          {group.map((tool) => {
            const pressed = active[index++];
            return (
              <button
                key={tool.label}
                type="button"
                className="tool"
                aria-label={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
                title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
                aria-pressed={tool.isActive ? pressed : undefined}
                disabled={readOnlyReason !== null}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => tool.run(editor)}
              >
                {tool.text}
              </button>
            );
          })}
        </div>
      ))}
      <ListStyleMenu editor={editor} disabled={readOnlyReason !== null} />
      {onComment ? (
        <div className="toolbar-group">
          <button
            type="button"
            className="tool"
            aria-label="Comment on the selected text (Ctrl+Alt+M)"
            title="Comment on the selected text (Ctrl+Alt+M)"
            onMouseDown={(event) => event.preventDefault()}
            onClick={onComment}
          >
            Comment
          </button>
        </div>
      ) : null}
      {readOnlyReason ? <p className="toolbar-note">{readOnlyReason}</p> : null}
    </div>
  );
}
