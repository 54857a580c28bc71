import { useEffect } from "react";
import { useOptionalUser } from "../hooks/use-optional-user";
import { forgetEverything, forgetOwnCopies, forgetUnreadableCopies } from "./offline-copies";

/**
 * Runs on every page, once per load and whenever who is signed in changes. Signed out (this
 * browser signed out, or its session was ended from another device), the drafts' offline copies
 * and caches go: the belt to Clear-Site-Data's braces, for browsers without it. Signed in, copies
 * of drafts the person may no longer read go; on a shared computer, all of theirs.
 */
export function ForgetBrowserData() {
  const user = useOptionalUser();
  const userId = user?.id ?? null;
  const shared = user?.shared ?? false;
  useEffect(() => {
    const work = !userId ? forgetEverything() : shared ? forgetOwnCopies(userId) : forgetUnreadableCopies(userId);
    void work.catch(() => {});
  }, [userId, shared]);
  return null;
}
