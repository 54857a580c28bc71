import type { DurableSync } from "../../core/collab/durable-sync";
import { message, type Message, type MessageId } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";
import { useDurableState, type ConnectionState } from "./use-collab-session";

/**
 * What the person is told about their work. "Saved" only once the server confirmed it stored
 * (core/collab/durable-sync.ts), never because a socket is open; offline, how many changes wait
 * on this device ("Offline — 3 changes kept on this device", in the reader's plural forms). On a
 * shared computer nothing is kept on the device, so offline says what that means instead.
 */
export function connectionLabel(state: ConnectionState, unsaved: number, shared = false): Message {
  const count = { count: unsaved };
  if (shared && (state === "offline" || (state === "connecting" && unsaved > 0))) return message("editor.connection.offlineShared", count);
  switch (state) {
    case "ended":
      return unsaved > 0 ? message("editor.connection.endedUnsaved", count) : message("editor.connection.ended");
    case "offline":
      return unsaved > 0 ? message("editor.connection.offlineUnsaved", count) : message("editor.connection.offline");
    case "connecting":
      return unsaved > 0 ? message("editor.connection.connectingUnsaved", count) : message("editor.connection.connecting");
    case "online":
      return unsaved > 0 ? message("editor.connection.saving") : message("editor.connection.saved");
  }
}

/**
 * What screen readers hear when the link changes. Not the visible label: that flips between
 * "Saving…" and "All changes saved" with every pause in typing, and counts keystrokes offline,
 * which read aloud would drown everything else. The visible label stays readable at any time.
 */
const ANNOUNCED: Record<ConnectionState, MessageId> = {
  online: "editor.connection.announce.online",
  offline: "editor.connection.announce.offline",
  connecting: "editor.connection.announce.connecting",
  ended: "editor.connection.announce.ended",
};

/** The save-and-connection indicator in the draft's sticky bar, with a polite live region for changes of link. */
export function ConnectionStatus({ state, durable, shared = false }: { state: ConnectionState; durable: DurableSync; shared?: boolean }) {
  const { t, text } = useT();
  const { unsaved } = useDurableState(durable);
  const saving = state === "online" && unsaved > 0;
  return (
    <p className={`connection-status connection-${state}${saving ? " connection-saving" : ""}`} data-state={state} data-unsaved={unsaved} data-shared={shared || undefined}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{text(connectionLabel(state, unsaved, shared))}</span>
      <span className="sr-only" role="status" aria-live="polite">
        {t(shared && state === "offline" ? "editor.connection.announce.offlineShared" : ANNOUNCED[state])}
      </span>
    </p>
  );
}
