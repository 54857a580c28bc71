import { message } from "../../core/i18n/message";
import type { VersionSummary } from "../../core/versions/contract";
import type { Said } from "../review/say";
import type { VersionsActionResult } from "../routes/workspaces.$workspaceId.drafts.$draftId_.versions";

export type HistoryAnswer = Extract<VersionsActionResult, { ok: true }> | { ok: false; error: Said };

/** The draft's history over HTTP: the versions route (GET list, POST name / rename / restore). */
export class HistoryApi {
  constructor(readonly href: string) {}

  async list(): Promise<VersionSummary[]> {
    const response = await fetch(this.href, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`history: ${response.status}`);
    return ((await response.json()) as { versions: VersionSummary[] }).versions;
  }

  async post(fields: Record<string, string>): Promise<HistoryAnswer> {
    try {
      const response = await fetch(this.href, { method: "POST", body: new URLSearchParams(fields), headers: { Accept: "application/json" } });
      // 403 and 404 answer without a sentence: the page is older than the person's access.
      if (response.status === 403 || response.status === 404) return { ok: false, error: message("versions.refused.noLonger") };
      return (await response.json()) as VersionsActionResult;
    } catch {
      return { ok: false, error: message("versions.refused.offline") };
    }
  }
}
