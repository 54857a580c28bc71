import { useT } from "../i18n/i18n-provider";
import type { StreamedImportState } from "./use-streamed-import";

/** Where a running import has got to, announced politely as it changes. */
export function ImportProgress({ state, kind }: { state: Extract<StreamedImportState, { status: "running" }>; kind: "recommendations" | "sources" }) {
  const { t } = useT();
  const progress = state.progress;
  let text = t("import.progress.sending");
  if (progress?.phase === "reading") text = t("import.progress.reading", { count: progress.rowsRead });
  if (progress?.phase === "writing") text = t("import.progress.writing", { kind, written: progress.written, count: progress.total });
  return (
    <div className="import-progress">
      {progress?.phase === "writing" ? (
        <progress max={Math.max(1, progress.total)} value={progress.written} aria-label={t("import.progress.label")} />
      ) : (
        <progress aria-label={t("import.progress.label")} />
      )}
      <p role="status" className="small">
        {text}
      </p>
    </div>
  );
}
