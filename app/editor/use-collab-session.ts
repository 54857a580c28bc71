import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { closeMessage, isPermanentClose } from "../../core/collab/close-codes";
import { acceptDraftEvents } from "./draft-events";

export type ConnectionState = "connecting" | "connected" | "offline" | "ended";

export interface CollabSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: ConnectionState;
  /** True once the server and this tab have exchanged what each lacked. */
  synced: boolean;
  /** Why the server ended the session for good (access changed, signed out…). */
  endedBecause: string | null;
}

/**
 * One draft's Y.Doc, kept in IndexedDB (so a reload while offline keeps unsent edits) and
 * synced over y-websocket. The provider connects only after local edits have loaded, so the
 * first sync sends the server whatever this device typed offline.
 */
export function useCollabSession(docName: string, userId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    // Per user as well as per draft: two people sharing a computer never share unsent edits.
    const local = new IndexeddbPersistence(`caucus:${userId}:${docName}`, doc);
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    const provider = new WebsocketProvider(`${scheme}://${window.location.host}/collab`, docName, doc, {
      connect: false,
      shouldReconnect: (event) => !isPermanentClose(event.code),
      maxBackoffTime: 5000,
    });
    acceptDraftEvents(provider);
    // Offline once a connection was lost or an attempt failed: a tab reloaded without network
    // has never connected, yet its edits are just as safe on this device.
    let failedOrLost = false;
    let current: CollabSession = { doc, provider, state: "connecting", synced: false, endedBecause: null };
    const update = (changes: Partial<CollabSession>) => {
      current = { ...current, ...changes };
      setSession(current);
    };
    provider.on("status", ({ status }) => {
      if (current.state === "ended") return;
      if (status === "disconnected") failedOrLost = true;
      update({ state: status === "connected" ? "connected" : failedOrLost ? "offline" : "connecting" });
    });
    const markOffline = () => {
      failedOrLost = true;
      if (current.state === "connecting") update({ state: "offline" });
    };
    provider.on("connection-error", markOffline);
    provider.on("connection-close", markOffline);
    // Back on the network: try now rather than wait out the backoff.
    const reconnect = () => {
      if (current.state !== "ended" && !provider.wsconnected) {
        provider.disconnect();
        provider.connect();
      }
    };
    window.addEventListener("online", reconnect);
    provider.on("sync", (synced: boolean) => update({ synced }));
    provider.on("closed", ({ code }) => {
      update({ state: "ended", endedBecause: closeMessage(code) ?? "The server closed the connection." });
    });
    void local.whenSynced.then(() => provider.connect());
    setSession(current);
    return () => {
      window.removeEventListener("online", reconnect);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [docName, userId]);

  return session;
}
