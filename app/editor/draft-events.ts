import { useEffect, useRef } from "react";
import type { WebsocketProvider } from "y-websocket";
import { MESSAGE_DRAFT_EVENT, readDraftEvent, type DraftEvent } from "../../core/collab/draft-events";

export type DraftEventListener = (event: DraftEvent) => void;

/** Listeners per provider; the provider's own handler table is per instance (y-websocket 3). */
const listenersOf = new WeakMap<WebsocketProvider, Set<DraftEventListener>>();

/**
 * Calls `onEvent` for every draft event the server sends on this provider's socket (a thread
 * or the status changed: fetch it again over HTTP). Returns the function that stops listening.
 * Several listeners may share one provider. Events sent while the socket was down are not
 * replayed: refetch after a reconnect (the provider's `sync` event) as well.
 */
export function listenToDraftEvents(provider: WebsocketProvider, onEvent: DraftEventListener): () => void {
  const listeners = listenersOf.get(provider) ?? install(provider);
  listeners.add(onEvent);
  return () => {
    listeners.delete(onEvent);
  };
}

/**
 * Makes the provider accept draft events from its first message on, before any listener: the
 * collab session calls it when it creates the provider, as y-websocket logs an error for every
 * message type it has no handler for.
 */
export function acceptDraftEvents(provider: WebsocketProvider): void {
  if (!listenersOf.has(provider)) install(provider);
}

/**
 * Puts the handler in the provider's table, once, and keeps it: with no handler y-websocket
 * logs "Unable to compute message" for every event. It never writes into the encoder, so
 * nothing is sent back to the server.
 */
function install(provider: WebsocketProvider): Set<DraftEventListener> {
  const listeners = new Set<DraftEventListener>();
  listenersOf.set(provider, listeners);
  provider.messageHandlers[MESSAGE_DRAFT_EVENT] = (_encoder, decoder) => {
    // An event this build does not know (from a newer server) is skipped, not an error.
    const event = readDraftEvent(decoder);
    if (!event) return;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One failing listener must not starve the others, nor break the socket's message loop.
        console.error("draft event listener failed", error);
      }
    }
  };
  return listeners;
}

/**
 * React form of listenToDraftEvents: listens while mounted and while `provider` is set. The
 * latest `onEvent` is called, so it need not be memoised.
 */
export function useDraftEvents(provider: WebsocketProvider | null | undefined, onEvent: DraftEventListener): void {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    if (!provider) return;
    return listenToDraftEvents(provider, (event) => latest.current(event));
  }, [provider]);
}
