import type { ConnectionState } from "./use-collab-session";

const LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "All changes sent",
  offline: "Offline — changes kept on this device",
  ended: "Disconnected",
};

/** The save-and-connection indicator in the draft's top bar; announced politely when it changes. */
export function ConnectionStatus({ state, synced }: { state: ConnectionState; synced: boolean }) {
  const label = state === "connected" && !synced ? "Syncing…" : LABELS[state];
  return (
    <p className={`connection-status connection-${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </p>
  );
}
