import { useEditorState, type Editor } from "@tiptap/react";
import { computeNumbering } from "../../core/editor/numbering";
import type { DraftTemplate } from "./draft-template";
import { TextSelection } from "@tiptap/pm/state";
import { goTo } from "./go-to";
import { useT } from "../i18n/i18n-provider";

interface OutlineItem {
  pos: number;
  level: number;
  label: string;
  text: string;
}

/** The draft's headings, numbered as on the page; choosing one moves the cursor there. */
export function Outline({ editor, template }: { editor: Editor; template: DraftTemplate | null }) {
  const { t } = useT();
  const items = useEditorState({
    editor,
    selector: ({ editor: e }): OutlineItem[] => {
      const { headings } = computeNumbering(e.state.doc, template?.headingNumbering);
      return [...headings].map(([pos, label]) => {
        const node = e.state.doc.nodeAt(pos)!;
        return { pos, level: Number(node.attrs.level), label, text: node.textContent };
      });
    },
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  return (
    <nav className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t("editor.outline.heading")}</h2>
      {items.length === 0 ? (
        <p className="muted small">{t("editor.outline.empty")}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.pos} className={`outline-level-${item.level}`}>
              <button
                type="button"
                className="outline-link"
                onClick={() => {
                  goTo(editor, TextSelection.create(editor.state.doc, item.pos + 1));
                }}
              >
                {item.label ? <span className="outline-label">{item.label}</span> : null}
                {item.text || <span className="muted">{t("editor.outline.untitled")}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
