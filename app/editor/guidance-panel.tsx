import { useEditorState, type Editor } from "@tiptap/react";
import { sectionAt } from "../../core/editor/nodes/section-heading";
import type { DraftTemplate } from "./draft-template";

/** The template's guidance for the section the cursor is in, beside the text. */
export function GuidancePanel({ editor, template }: { editor: Editor; template: DraftTemplate | null }) {
  const sectionId = useEditorState({ editor, selector: ({ editor: e }) => sectionAt(e.state.doc, e.state.selection.from) });
  const section = template?.sections.find((s) => s.id === sectionId);
  return (
    <aside className="guidance" aria-labelledby="guidance-heading" aria-live="polite">
      <h2 id="guidance-heading">Guidance</h2>
      {!template ? (
        <p className="muted small">This draft was not made from a template.</p>
      ) : section ? (
        <>
          <p className="guidance-section">
            {section.title} <span className="badge">{section.mandated ? "Required by the mechanism" : section.required ? "Expected" : "Optional"}</span>
          </p>
          <p className="small">{section.guidance}</p>
        </>
      ) : (
        <p className="muted small">Put the cursor in a section of the {template.title.toLowerCase()} to see what goes there.</p>
      )}
    </aside>
  );
}
