import { useCallback, useEffect, useRef, useState } from "react";
import { message } from "../../core/i18n/message";
import type { SignOffAnswer, SignOffState } from "../routes/workspaces.$workspaceId.drafts.$draftId_.sign-off";
import type { Said } from "../review/say";

export type { SignOffState, OrganisationSignOff } from "../routes/workspaces.$workspaceId.drafts.$draftId_.sign-off";

/** The draft's sign-off route: `/workspaces/<w>/drafts/<d>/sign-off`. */
export const signOffUrl = (workspaceId: string, draftId: string) => `/workspaces/${workspaceId}/drafts/${draftId}/sign-off`;

/** The compare page from the version an organisation signed to the draft as it is now. */
export const compareFromUrl = (workspaceId: string, draftId: string, versionId: string) =>
  `/workspaces/${workspaceId}/drafts/${draftId}/compare?from=${encodeURIComponent(versionId)}&to=now`;

export type SignOffLoad = { status: "loading" } | { status: "ready"; state: SignOffState } | { status: "failed"; error: Said };

/** Sends one intent; resolves with the new state, or the server's sentence on refusal. */
export async function postSignOff(url: string, fields: Record<string, string>): Promise<{ ok: true; state: SignOffState } | { ok: false; error: Said }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  try {
    const response = await fetch(url, { method: "POST", body: form, headers: { accept: "application/json" } });
    const body = (await response.json().catch(() => null)) as SignOffAnswer | null;
    if (body?.ok) return body;
    if (body && !body.ok && body.error) return { ok: false, error: body.error };
    return { ok: false, error: response.status === 403 ? message("common.error.forbidden") : message("signOff.unavailable") };
  } catch {
    return { ok: false, error: message("signOff.unavailable") };
  }
}

/**
 * The sign-off state of a draft, fetched on mount and whenever `key` changes; `reload` fetches
 * again and `replace` takes a state a write answered with. A slow answer never replaces a newer one.
 */
export function useSignOffState(url: string, key: unknown = 0) {
  const [load, setLoad] = useState<SignOffLoad>({ status: "loading" });
  const asked = useRef(0);
  const reload = useCallback(() => {
    const ask = ++asked.current;
    fetch(url, { headers: { accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        return (await response.json()) as SignOffState;
      })
      .then(
        (state) => ask === asked.current && setLoad({ status: "ready", state }),
        () => ask === asked.current && setLoad({ status: "failed", error: message("signOff.unavailable") }),
      );
  }, [url]);
  useEffect(() => reload(), [reload, key]);
  const replace = useCallback((state: SignOffState) => {
    asked.current++;
    setLoad({ status: "ready", state });
  }, []);
  return { load, reload, replace };
}
