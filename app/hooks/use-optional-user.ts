import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "../root";

/** The signed-in person from the root loader, or null on public pages. */
export function useOptionalUser() {
  return useRouteLoaderData<typeof rootLoader>("root")?.user ?? null;
}
