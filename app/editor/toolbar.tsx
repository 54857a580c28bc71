import { useEditorState, type Editor } from "@tiptap/react";
import { isAllowedLink } from "../../core/editor/extensions";

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
    ...([1, 2, 3] as const).map((level) => ({
      label: `Heading ${level}`,
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
    { label: "Bulleted list", text: "•", isActive: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
    { label: "Numbered list", text: "1.", isActive: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
  ],
];

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

/** Formatting controls. Read-only people see them disabled, with the reason beside them. */
export function Toolbar({ editor, readOnlyReason }: { editor: Editor; readOnlyReason: string | null }) {
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
      {readOnlyReason ? <p className="toolbar-note">{readOnlyReason}</p> : null}
    </div>
  );
}
