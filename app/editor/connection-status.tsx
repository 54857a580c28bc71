import { count } from "../../core/text/count";
import type { DurableSync } from "../../core/collab/durable-sync";
import { useDurableState, type ConnectionState } from "./use-collab-session";

const changes = (n: number) => count(n, "change");

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
 * What screen readers hear when the link changes. Not the visible label: that flips between
 * "Saving…" and "All changes saved" with every pause in typing, and counts keystrokes offline,
 * which read aloud would drown everything else. The visible label stays readable at any time.
 */
const ANNOUNCED: Record<ConnectionState, string> = {
  online: "Connected: your changes are saved as you type.",
  offline: "Offline: your changes are kept on this device until the connection is back.",
  connecting: "Connecting to the server.",
  ended: "Disconnected.",
};

/** The save-and-connection indicator in the draft's sticky bar, with a polite live region for changes of link. */
export function ConnectionStatus({ state, durable }: { state: ConnectionState; durable: DurableSync }) {
  const { unsaved } = useDurableState(durable);
  const saving = state === "online" && unsaved > 0;
  return (
    <p className={`connection-status connection-${state}${saving ? " connection-saving" : ""}`} data-state={state} data-unsaved={unsaved}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{connectionLabel(state, unsaved)}</span>
      <span className="sr-only" role="status" aria-live="polite">
        {ANNOUNCED[state]}
      </span>
    </p>
  );
}
