import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { ThreadView } from "../../../core/comments/contract";
import { useDraftEvents } from "../draft-events";
import { showThreads } from "./comment-highlights";
import { CommentsUnavailable, type CommentsApi, type CommentsSnapshot } from "./comments-api";
import { message } from "../../../core/i18n/message";
import type { Said } from "../../review/say";

const REFETCH_COALESCE_MS = 150;

/**
 * The draft's threads, fetched over HTTP and fetched again when the server announces a change
 * (anyone's comment, reply or resolution arrives within a second) and after a reconnect (events
 * are not replayed); shown as highlights in the editor.
 */
export function useCommentThreads(editor: Editor | null, api: CommentsApi, provider: WebsocketProvider) {
  const [snapshot, setSnapshot] = useState<CommentsSnapshot | null>(null);
  const [error, setError] = useState<Said | null>(null);

  const refresh = useCallback(async () => {
    try {
      const next = await api.list();
      setSnapshot(next);
      setError(null);
    } catch (failure) {
      // A network failure (fetch rejects) carries nothing a person can read: say it in their words.
      setError(failure instanceof CommentsUnavailable ? failure.said : message("comments.api.unreachable"));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    const onSync = (synced: boolean) => synced && void refresh();
    provider.on("sync", onSync);
    return () => provider.off("sync", onSync);
  }, [provider, refresh]);

  // Several events in a burst (a reply, then a resolve) make one fetch.
  const [pending, setPending] = useState(false);
  useDraftEvents(provider, (event) => {
    if (event.type === "thread") setPending(true);
  });
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => {
      setPending(false);
      void refresh();
    }, REFETCH_COALESCE_MS);
    return () => clearTimeout(timer);
  }, [pending, refresh]);

  useEffect(() => {
    if (snapshot && editor && !editor.isDestroyed) showThreads(editor, snapshot.threads);
  }, [editor, snapshot]);

  /** Puts a thread the server returned after a write in place, without waiting for the event. */
  const replace = useCallback((thread: ThreadView) => {
    setSnapshot((previous) => previous && { ...previous, threads: [...previous.threads.filter((t) => t.id !== thread.id), thread] });
  }, []);

  return { snapshot, error, refresh, replace, api };
}

export type CommentThreads = ReturnType<typeof useCommentThreads>;
