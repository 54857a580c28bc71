import { useEditorState, type Editor } from "@tiptap/react";
import { FormattedMessage } from "react-intl";
import { templateLanguageOf } from "../../core/i18n/locales";
import { sectionAt } from "../../core/editor/nodes/section-heading";
import { translateTemplateText } from "../../templates/localise";
import { useT } from "../i18n/i18n-provider";
import type { DraftTemplate } from "./draft-template";
import { localTemplateTitle } from "../components/templates/template-summary";

/**
 * The template's guidance for the section the cursor is in, beside the text. Guidance speaks to
 * the writer, so it follows the interface language where the templates have it (English, French,
 * Spanish), not the submission's: a French-speaking member writing in English reads it in French.
 */
export function GuidancePanel({ editor, template }: { editor: Editor; template: DraftTemplate | null }) {
  const { t, locale } = useT();
  const language = templateLanguageOf(locale);
  const sectionId = useEditorState({
    editor,
    selector: ({ editor: e }) => sectionAt(e.state.doc, e.state.selection.from),
  });
  const section = template?.sections.find((s) => s.id === sectionId);
  return (
    <aside className="guidance" aria-labelledby="guidance-heading" aria-live="polite">
      <h2 id="guidance-heading">{t("drafts.guidance.heading")}</h2>
      {!template ? (
        <p className="muted small">{t("drafts.guidance.noTemplate")}</p>
      ) : section ? (
        <>
          <p className="guidance-section">
            <FormattedMessage
              id="drafts.guidance.section"
              values={{
                title: translateTemplateText(section.title, language),
                status: t(section.mandated ? "drafts.guidance.mandated" : section.required ? "drafts.guidance.expected" : "drafts.guidance.optional"),
                badge: (chunks) => <span className="badge">{chunks}</span>,
              }}
            />
          </p>
          <p className="small">{translateTemplateText(section.guidance, language)}</p>
        </>
      ) : (
        <p className="muted small">{t("drafts.guidance.pickSection", { template: localTemplateTitle(t, template.title) })}</p>
      )}
    </aside>
  );
}
