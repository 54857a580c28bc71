import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { WebsocketProvider } from "y-websocket";
import { useDraftEvents } from "../draft-events";

const COALESCE_MS = 1000;

/**
 * Reloads the page's data when the draft's status changes (status badge, reviewers, read-only
 * state) or a thread does (the header's unread notifications count: someone may have mentioned
 * this person). A burst of events makes one reload.
 */
export function usePageFollowsDraftEvents(provider: WebsocketProvider): void {
  const revalidator = useRevalidator();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useDraftEvents(provider, () => {
    if (timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      revalidator.revalidate();
    }, COALESCE_MS);
  });
  useEffect(() => () => clearTimeout(timer.current), []);
}
