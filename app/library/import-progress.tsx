import type { StreamedImportState } from "./use-streamed-import";

/** Where a running import has got to, announced politely as it changes. */
export function ImportProgress({ state, noun }: { state: Extract<StreamedImportState, { status: "running" }>; noun: string }) {
  const progress = state.progress;
  let text = "Sending the file…";
  if (progress?.phase === "reading") text = `Reading the file: ${progress.rowsRead.toLocaleString("en")} rows so far…`;
  if (progress?.phase === "writing") text = `Writing ${progress.written.toLocaleString("en")} of ${progress.total.toLocaleString("en")} ${noun}…`;
  return (
    <div className="import-progress">
      {progress?.phase === "writing" ? (
        <progress max={Math.max(1, progress.total)} value={progress.written} aria-label="Import progress" />
      ) : (
        <progress aria-label="Import progress" />
      )}
      <p role="status" className="small">
        {text}
      </p>
    </div>
  );
}
