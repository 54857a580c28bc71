import { useEditorState, type Editor } from "@tiptap/react";
import { isAllowedLink } from "../../core/editor/extensions";
import { HEADING_LEVELS } from "../../core/editor/numbering";
import type { ListStyle } from "../../core/editor/nodes/ordered-list";
import { ListStyleMenu } from "./list-style-menu";
import type { Message, MessageId, MessageValues } from "../../core/i18n/message";
import type { Translator } from "../../core/i18n/translator";
import { useT } from "../i18n/i18n-provider";

interface Tool {
  /** Its name, as a catalogue id (and the values it takes). */
  label: MessageId;
  values?: MessageValues;
  /** Keyboard shortcuts stay as keys in every language. */
  shortcut?: string;
  /** What the button shows: a symbol, or a message for letters that differ by language (B, I, U). */
  text: string | { id: MessageId };
  isActive?: (editor: Editor) => boolean;
  run: (editor: Editor, t: Translator["t"]) => void;
}

const TOOLS: Tool[][] = [
  [
    { label: "editor.toolbar.undo", shortcut: "Ctrl+Z", text: "↶", run: (e) => e.chain().focus().undo().run() },
    { label: "editor.toolbar.redo", shortcut: "Ctrl+Shift+Z", text: "↷", run: (e) => e.chain().focus().redo().run() },
  ],
  [
    { label: "editor.toolbar.normal", text: "¶", isActive: (e) => e.isActive("paragraph"), run: (e) => e.chain().focus().setParagraph().run() },
    ...HEADING_LEVELS.map((level) => ({
      // The visible "H1" is part of the name, so speech control ("click H1") finds it too.
      label: "editor.toolbar.heading" as const,
      values: { level },
      text: `H${level}`,
      isActive: (e: Editor) => e.isActive("heading", { level }),
      run: (e: Editor) => e.chain().focus().toggleHeading({ level }).run(),
    })),
  ],
  [
    { label: "editor.toolbar.bold", shortcut: "Ctrl+B", text: { id: "editor.toolbar.boldText" }, isActive: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
    { label: "editor.toolbar.italic", shortcut: "Ctrl+I", text: { id: "editor.toolbar.italicText" }, isActive: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
    { label: "editor.toolbar.underline", shortcut: "Ctrl+U", text: { id: "editor.toolbar.underlineText" }, isActive: (e) => e.isActive("underline"), run: (e) => e.chain().focus().toggleUnderline().run() },
    { label: "editor.toolbar.link", text: { id: "editor.toolbar.link" }, isActive: (e) => e.isActive("link"), run: editLink },
  ],
  [
    { label: "editor.toolbar.superscript", text: "x²", isActive: (e) => e.isActive("superscript"), run: (e) => e.chain().focus().toggleSuperscript().run() },
    { label: "editor.toolbar.subscript", text: "x₂", isActive: (e) => e.isActive("subscript"), run: (e) => e.chain().focus().toggleSubscript().run() },
  ],
  [
    { label: "editor.toolbar.bulletList", text: "•", isActive: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
    {
      label: "editor.toolbar.alphaList",
      text: "(a)",
      isActive: (e) => e.isActive("orderedList", { listStyle: "lower-alpha" }),
      run: (e) => orderedList(e, "lower-alpha"),
    },
    {
      label: "editor.toolbar.romanList",
      text: "(i)",
      isActive: (e) => e.isActive("orderedList", { listStyle: "lower-roman" }),
      run: (e) => orderedList(e, "lower-roman"),
    },
    { label: "editor.toolbar.numberedList", text: "1.", isActive: (e) => e.isActive("orderedList", { listStyle: "decimal" }), run: (e) => orderedList(e, "decimal") },
  ],
  [
    {
      label: "editor.toolbar.unnumbered",
      text: "¶̸",
      isActive: (e) => e.isActive("paragraph", { numbered: false }),
      run: (e) => e.chain().focus().setParagraphNumbered(e.isActive("paragraph", { numbered: false })).run(),
    },
    { label: "editor.toolbar.rightToLeft", text: "⇠", isActive: (e) => e.isActive({ dir: "rtl" }), run: toggleDirection },
    { label: "editor.toolbar.quote", text: "❝", isActive: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
    { label: "editor.toolbar.table", text: "▦", run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  ],
  [{ label: "editor.toolbar.footnote", shortcut: "Ctrl+Alt+F", text: { id: "editor.toolbar.footnote" }, isActive: (e) => e.isActive("footnote"), run: (e) => e.chain().focus().insertFootnote().run() }],
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

function editLink(editor: Editor, t: Translator["t"]): void {
  const current = editor.getAttributes("link").href as string | undefined;
  const answer = window.prompt(t("editor.toolbar.linkPrompt"), current ?? "https://");
  if (answer === null) return;
  if (answer.trim() === "") {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return;
  }
  if (!isAllowedLink(answer)) {
    window.alert(t("editor.toolbar.linkRefused"));
    return;
  }
  editor.chain().focus().extendMarkRange("link").setLink({ href: answer.trim() }).run();
}

/**
 * Formatting controls. Read-only people see them disabled, with the reason beside them; the
 * Comment button stays for everyone who may comment (reviewers included).
 */
export function Toolbar({ editor, readOnlyReason, onComment }: { editor: Editor; readOnlyReason: Message | null; onComment: (() => void) | null }) {
  const { t, text } = useT();
  const named = (label: string, shortcut?: string) => (shortcut ? t("editor.toolbar.withShortcut", { label, shortcut }) : label);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => TOOLS.flat().map((tool) => tool.isActive?.(e) ?? false),
  });
  let index = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label={t("editor.toolbar.label")}>
      {TOOLS.map((group, g) => (
        <div className="toolbar-group" key={g}>
          {group.map((tool) => {
            const pressed = active[index++];
            const name = named(t(tool.label, tool.values), tool.shortcut);
            return (
              <button
                key={`${tool.label}${tool.values?.level ?? ""}`}
                type="button"
                className="tool"
                aria-label={name}
                title={name}
                aria-pressed={tool.isActive ? pressed : undefined}
                disabled={readOnlyReason !== null}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => tool.run(editor, t)}
              >
                {typeof tool.text === "string" ? tool.text : t(tool.text.id)}
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
            aria-label={named(t("editor.toolbar.commentLabel"), "Ctrl+Alt+M")}
            title={named(t("editor.toolbar.commentLabel"), "Ctrl+Alt+M")}
            onMouseDown={(event) => event.preventDefault()}
            onClick={onComment}
          >
            {t("editor.toolbar.comment")}
          </button>
        </div>
      ) : null}
      {readOnlyReason ? <p className="toolbar-note">{text(readOnlyReason)}</p> : null}
    </div>
  );
}
