import type { MessageId } from "../../../core/i18n/message";
import { useT } from "../../i18n/i18n-provider";
import type { EditorMode } from "./suggestion-marks";

const LABELS: Record<EditorMode, { label: MessageId; key: string; hint: MessageId }> = {
  editing: { label: "editor.mode.editing", key: "E", hint: "editor.mode.editingHint" },
  suggesting: { label: "editor.mode.suggesting", key: "S", hint: "editor.mode.suggestingHint" },
  viewing: { label: "editor.mode.viewing", key: "V", hint: "editor.mode.viewingHint" },
};
const ALL: EditorMode[] = ["editing", "suggesting", "viewing"];

/** Editing, Suggesting, Viewing: the modes this person may not use are shown, disabled, so the choice is clear. */
export function EditorModeSwitch({ mode, available, onChange }: { mode: EditorMode; available: readonly EditorMode[]; onChange: (mode: EditorMode) => void }) {
  const { t } = useT();
  return (
    <div className="editor-mode" role="radiogroup" aria-label={t("editor.mode.label")}>
      {ALL.map((m) => {
        const name = t("editor.toolbar.withShortcut", { label: t(LABELS[m].label), shortcut: `Ctrl+Alt+Shift+${LABELS[m].key}` });
        return (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            className={`btn btn-sm ${mode === m ? "btn-primary" : "btn-secondary"}`}
            disabled={!available.includes(m)}
            title={t("editor.mode.title", { name, hint: t(LABELS[m].hint) })}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChange(m)}
          >
            {t(LABELS[m].label)}
          </button>
        );
      })}
    </div>
  );
}
