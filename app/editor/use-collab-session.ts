import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { closeMessage, CloseCode, isPermanentClose } from "../../core/collab/close-codes";
import { offlineCopyName } from "../account/offline-copies";
import { DurableSync, type DurableSyncState } from "../../core/collab/durable-sync";
import { refusedChanges, type RefusedPiece } from "../../core/collab/refused-changes";
import type { RefusalReason } from "../../core/collab/session-messages";
import { acceptDraftEvents, listenToDraftEvents } from "./draft-events";
import { message, type Message } from "../../core/i18n/message";

export type ConnectionState = "connecting" | "online" | "offline" | "ended";

export interface CollabSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /**
   * Saves and link, changing with every keystroke: read it with useDurableState where needed,
   * so the count does not re-render the whole editor on each change.
   */
  durable: DurableSync;
  /** The link only (changes rarely): online, offline, connecting, or ended for good. */
  state: ConnectionState;
  /** Why the server ended the session for good (access changed, signed out…), for the page to put into words. */
  endedBecause: Message | null;
  /** A shared computer: nothing is kept on this device, so going offline risks what is unsent. */
  shared: boolean;
}

/** Work of this device that the server refused, kept in memory only, to copy or post. */
export interface RefusedWork {
  reason: RefusalReason;
  pieces: RefusedPiece[];
}

/** The IndexedDB key under which a page leaves its unconfirmed count for the next one. */
const UNSAVED_KEY = "caucus:unsaved";

/**
 * One draft's Y.Doc, kept in IndexedDB (so a reload while offline keeps unsent edits) and
 * synced over y-websocket with DurableSync on top: "saved" only once the server says stored.
 * The provider connects only after local edits have loaded, so the first sync sends the server
 * whatever this device typed offline.
 *
 * When the server refuses this device's edits, the hook keeps what was refused (in memory, for
 * the person to copy or post as a comment), deletes this device's copy (IndexedDB included) and
 * opens the draft again from the server: after that, what the page shows is the draft. Editing
 * stays paused (`pausedBecause`) until the draft's status changes, as the page's own idea of
 * what this person may do may be older than the refusal.
 *
 * On a shared computer (the person said so at sign-in) nothing goes to IndexedDB at all. When
 * the server ends the socket because the session ended, or the draft is no longer theirs to see,
 * this device's copy is deleted: a shared or lost computer keeps nothing (issue 22).
 */
export function useCollabSession(docName: string, userId: string, { shared }: { shared: boolean }) {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [refused, setRefused] = useState<RefusedWork | null>(null);
  const [pausedBecause, setPausedBecause] = useState<RefusalReason | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let disposed = false;
    let teardown = () => {};
    const doc = new Y.Doc();
    // Per user as well as per draft: two people sharing a computer never share unsent edits.
    const local = shared ? null : new IndexeddbPersistence(offlineCopyName(userId, docName), doc);

    const start = (carriedOver: number) => {
      const scheme = window.location.protocol === "https:" ? "wss" : "ws";
      const provider = new WebsocketProvider(`${scheme}://${window.location.host}/collab`, docName, doc, {
        connect: false,
        shouldReconnect: (event) => !isPermanentClose(event.code),
        maxBackoffTime: 5000,
      });
      acceptDraftEvents(provider);
      const durable = new DurableSync(provider, { carriedOver, isLoadOrigin: (origin) => local !== null && origin === local });
      let current: CollabSession = { doc, provider, durable, state: "connecting", endedBecause: null, shared };
      const update = (changes: Partial<CollabSession>) => {
        current = { ...current, ...changes };
        if (!disposed) setSession(current);
      };
      const keepCount = throttle((n: number) => void local?.set(UNSAVED_KEY, n).catch(() => {}), 500);
      const follow = (state: DurableSyncState) => {
        keepCount(state.unsaved);
        if (state.refused) return void resetAfterRefusal(state.refused, state.unsaved);
        if (current.state !== "ended" && current.state !== state.link) update({ state: state.link });
      };
      const stopFollowing = durable.subscribe(follow);
      const stopEvents = listenToDraftEvents(provider, (event) => {
        if (event.type === "status") setPausedBecause(null);
      });
      provider.on("closed", ({ code }) => {
        // Signed out (here or from another device), or the draft is no longer this person's to see.
        if (code === CloseCode.SessionEnded || code === CloseCode.DocumentNotFound) void local?.clearData().catch(() => {});
        update({ state: "ended", endedBecause: closeMessage(code) ?? message("editor.close.default") });
      });
      const offline = () => durable.networkLost();
      const online = () => durable.networkBack();
      window.addEventListener("offline", offline);
      window.addEventListener("online", online);
      if (!navigator.onLine) durable.networkLost();

      const resetAfterRefusal = async (refusal: NonNullable<DurableSyncState["refused"]>, unsaved: number) => {
        // With nothing of this person's unsaved, what differs is someone else's refused change
        // (broadcast before the store refused it): reset without telling them it was theirs.
        let pieces: RefusedPiece[] = [];
        if (unsaved > 0) {
          const server = new Y.Doc();
          Y.applyUpdate(server, refusal.serverState);
          pieces = refusedChanges(doc, server);
          server.destroy();
        }
        teardown();
        // The refused work must not come back from this device's store after a reload.
        await local?.clearData().catch(() => {});
        if (disposed) return;
        setPausedBecause(refusal.reason);
        if (pieces.length > 0) setRefused({ reason: refusal.reason, pieces });
        setGeneration((g) => g + 1);
      };

      teardown = () => {
        teardown = () => {};
        window.removeEventListener("offline", offline);
        window.removeEventListener("online", online);
        stopFollowing();
        stopEvents();
        durable.destroy();
        provider.destroy();
      };
      update({});
      provider.connect();
    };

    const loaded = local ? Promise.all([local.whenSynced, local.get(UNSAVED_KEY).catch(() => 0)]) : Promise.resolve([null, 0]);
    void loaded.then(([, carried]) => {
      if (!disposed) start(typeof carried === "number" ? carried : 0);
    });
    return () => {
      disposed = true;
      teardown();
      void local?.destroy();
      doc.destroy();
    };
  }, [docName, userId, shared, generation]);

  const dismissRefused = useCallback(() => setRefused(null), []);
  return { session, refused, dismissRefused, pausedBecause };
}

function throttle<T>(call: (value: T) => void, ms: number): (value: T) => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: T;
  return (value: T) => {
    latest = value;
    timer ??= setTimeout(() => {
      timer = null;
      call(latest);
    }, ms);
  };
}

/** A session's saves and link as they change (the indicator's count changes with every keystroke). */
export function useDurableState(durable: DurableSync): DurableSyncState {
  return useSyncExternalStore(
    (onChange) => durable.subscribe(onChange),
    () => durable.state,
    () => durable.state,
  );
}
