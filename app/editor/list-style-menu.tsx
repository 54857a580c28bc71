import { useEditorState, type Editor } from "@tiptap/react";
import { useId } from "react";
import { useT } from "../i18n/i18n-provider";
import { BULLET_SPECS, BULLET_STYLES, isBulletStyle, isListStyle, LIST_STYLE_SPECS, LIST_STYLES, type BulletStyle, type ListStyle } from "../../core/editor/list-styles";

/** The style of the innermost list around the cursor, as the menu's value ("" outside a list). */
function currentStyle(editor: Editor): string {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === "orderedList") return `ordered:${String(node.attrs.listStyle)}`;
    if (node.type.name === "bulletList") return `bullet:${String(node.attrs.bulletStyle)}`;
  }
  return "";
}

/**
 * Puts the paragraphs at the cursor in a list of this style: restyles the list the cursor is in,
 * turns a bulleted list into a numbered one (or back), or starts a list. The style is a node
 * attribute, so co-authors see the change like any other edit. Focus stays on the menu: a
 * keyboard user moving through the styles with the arrow keys keeps moving through them.
 */
export function applyListStyle(editor: Editor, value: string): void {
  const [kind, style] = value.split(":");
  const chain = () => editor.chain();
  if (kind === "ordered" && isListStyle(style)) {
    if (editor.isActive("orderedList")) chain().setListStyle(style as ListStyle).run();
    else chain().toggleOrderedList().setListStyle(style as ListStyle).run();
  } else if (kind === "bullet" && isBulletStyle(style)) {
    if (editor.isActive("bulletList")) chain().setBulletStyle(style as BulletStyle).run();
    else chain().toggleBulletList().setBulletStyle(style as BulletStyle).run();
  }
}

/**
 * The list style menu of the toolbar: a native select, so it is reached with Tab and changed
 * with the arrow keys like any form control, and screen readers announce the chosen style.
 */
export function ListStyleMenu({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const { t } = useT();
  const id = useId();
  const value = useEditorState({ editor, selector: ({ editor: e }) => currentStyle(e) });
  return (
    <div className="toolbar-group">
      <label htmlFor={id} className="sr-only">
        {t("editor.listStyle.label")}
      </label>
      <select id={id} className="tool list-style-menu" value={value} disabled={disabled} onChange={(event) => applyListStyle(editor, event.target.value)}>
        <option value="" disabled>
          {t("editor.listStyle.choose")}
        </option>
        <optgroup label={t("editor.listStyle.bullets")}>
          {BULLET_STYLES.map((style) => (
            <option key={style} value={`bullet:${style}`}>
              {t(BULLET_SPECS[style].name)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t("editor.listStyle.numbering")}>
          {LIST_STYLES.map((style) => (
            <option key={style} value={`ordered:${style}`}>
              {t(LIST_STYLE_SPECS[style].name)}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
