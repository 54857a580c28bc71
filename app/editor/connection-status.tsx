import type { ConnectionState } from "./use-collab-session";

const changes = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "change" : "changes"}`;

/**
 * What the person is told about their work. "Saved" only once the server confirmed it stored
 * (core/collab/durable-sync.ts), never because a socket is open; offline, how many changes wait
 * on this device.
 */
export function connectionLabel(state: ConnectionState, unsaved: number): string {
  switch (state) {
    case "ended":
      return unsaved > 0 ? `Disconnected — ${changes(unsaved)} not saved` : "Disconnected";
    case "offline":
      return unsaved > 0 ? `Offline — ${changes(unsaved)} kept on this device` : "Offline — all changes saved";
    case "connecting":
      return unsaved > 0 ? `Connecting… ${changes(unsaved)} kept on this device` : "Connecting…";
    case "online":
      return unsaved > 0 ? "Saving…" : "All changes saved";
  }
}

/**
 * The save-and-connection indicator in the draft's sticky bar. A status region, so screen
 * readers hear it when it changes: the count is left out of the announced text while saving,
 * or every keystroke would be read out.
 */
export function ConnectionStatus({ state, unsaved }: { state: ConnectionState; unsaved: number }) {
  const saving = state === "online" && unsaved > 0;
  return (
    <p className={`connection-status connection-${state}${saving ? " connection-saving" : ""}`} role="status" aria-live="polite" data-state={state} data-unsaved={unsaved}>
      <span className="connection-dot" aria-hidden="true" />
      {connectionLabel(state, unsaved)}
    </p>
  );
}
