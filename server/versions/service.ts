import { VERSION_NAME_MAX_CHARS, type VersionContent, type VersionSummary } from "../../core/versions/contract";
import { recordAudit } from "../../db/queries/audit";
import { findVersion, listVersions, renameVersion } from "../../db/queries/draft-versions";
import type { Draft } from "../../db/schema";
import type { ServiceDeps } from "../services";
import { readStoredFingerprint, readStoredVersion, recordStoredVersion } from "./moments";
import { refusable } from "../refusal";
import { VersionRefusal } from "./refusal";
import { restoreVersion, type RestoreOutcome } from "./restore";
import { compareDocuments } from "../../core/versions/compare";
import { findTemplate, preflightRules, untemplatedPreflightRules } from "../../templates";
import { namePeople, summariseVersions } from "./summaries";
import { versionView, type VersionView } from "./version-view";

type DraftRef = Pick<Draft, "id" | "workspace_id" | "title">;
type DraftWithTemplate = DraftRef & Pick<Draft, "template_slug" | "mechanism">;

/**
 * A draft's history (issue 21, decision 023): its versions, naming the current state, reading
 * one, restoring one. Callers have authorised the person on the draft (read for reading, edit
 * for naming and restoring) through core/policies.
 */
export function createVersionsService({ db, collab }: Pick<ServiceDeps, "db" | "collab">) {
  /** Brings every node's room into the database first, so a version holds what people see. */
  const settle = async (draftId: string) => {
    try {
      await collab.settle(draftId);
    } catch {
      throw new VersionRefusal(503, "versions.refused.notSettled");
    }
  };

  return {
    async list(draft: DraftRef): Promise<VersionSummary[]> {
      return summariseVersions(db, draft.workspace_id, await listVersions(db, draft.id));
    },

    /** One version with its content; undefined for a version of another draft. */
    async read(draft: DraftRef, versionId: string): Promise<{ summary: VersionSummary; content: VersionContent } | undefined> {
      const row = await findVersion(db, draft.id, versionId);
      if (!row) return undefined;
      const [summary] = await summariseVersions(db, draft.workspace_id, [row]);
      return { summary: summary!, content: { content: row.content, cover: row.cover, authorship: row.authorship } };
    },

    /** One version as its page shows it (versionView); undefined for a version of another draft. */
    async view(draft: DraftWithTemplate, versionId: string): Promise<({ summary: VersionSummary } & VersionView) | undefined> {
      const row = await findVersion(db, draft.id, versionId);
      if (!row) return undefined;
      const [summary] = await summariseVersions(db, draft.workspace_id, [row]);
      return { summary: summary!, ...versionView(draft, row.content, row.cover) };
    },

    /**
     * Two versions compared, or a version with the draft as people see it now ("now"): the
     * comparison (core/versions/compare.ts) and the people it credits, named for a member.
     * Undefined when either version is not this draft's.
     */
    async compare(draft: DraftWithTemplate, from: string, to: string) {
      const side = async (id: string) => {
        if (id === "now") {
          await settle(draft.id);
          const reading = await readStoredVersion(db, draft.id);
          return reading ? { summary: null, content: reading.content, authorship: reading.authorship } : undefined;
        }
        const row = await findVersion(db, draft.id, id);
        if (!row) return undefined;
        const [summary] = await summariseVersions(db, draft.workspace_id, [row]);
        return { summary: summary!, content: row.content, authorship: row.authorship };
      };
      const [before, after] = [await side(from), await side(to)];
      if (!before || !after) return undefined;
      const template = draft.template_slug ? findTemplate(draft.template_slug) : undefined;
      const comparison = compareDocuments({ doc: before.content, authorship: before.authorship }, { doc: after.content, authorship: after.authorship }, {
        headingNumbering: template?.rules.headingNumbering,
        counts: (template ? preflightRules(template) : untemplatedPreflightRules()).counts,
      });
      const userIds = new Set<string>();
      for (const change of comparison.changes) for (const author of change.authors) if (author) userIds.add(author);
      return { comparison, from: before.summary, to: after.summary, people: await namePeople(db, draft.workspace_id, [...userIds]) };
    },

    /** SHA-256 of the stored draft's text and cover: what a sign-off compares with its version's. */
    async currentFingerprint(draftId: string): Promise<string | undefined> {
      return (await readStoredFingerprint(db, draftId)).contentSha256;
    },

    /** Names the current state ("Sent to partners, 12 March"): a version kept for ever. */
    nameCurrent(actor: { id: string }, draft: DraftRef, name: string) {
      return refusable(async () => {
        const trimmed = checkedName(name);
        await settle(draft.id);
        const stored = await db.transaction().execute(async (tx) => {
          const version = await recordStoredVersion(tx, draft.id, { kind: "named", actorId: actor.id, name: trimmed });
          if (!version) throw new VersionRefusal(404, "versions.refused.notFound");
          await audit(tx, actor.id, draft, "draft.version_named", { versionId: version.id, name: trimmed });
          return version;
        });
        const [version] = await summariseVersions(db, draft.workspace_id, [stored]);
        return { version: version! };
      });
    },

    /** Gives an existing version a name (an automatic one becomes a named one, kept for ever). */
    rename(actor: { id: string }, draft: DraftRef, versionId: string, name: string) {
      return refusable(async () => {
        const trimmed = checkedName(name);
        await db.transaction().execute(async (tx) => {
          if (!(await renameVersion(tx, draft.id, versionId, trimmed))) throw new VersionRefusal(404, "versions.refused.notFound");
          await audit(tx, actor.id, draft, "draft.version_named", { versionId, name: trimmed });
        });
        return {};
      });
    },

    /** Restores the draft or one section to a version; every node's room receives the change. */
    restore(actor: { id: string }, draft: DraftRef, input: { versionId: string; section: string | null }) {
      return refusable(async (): Promise<RestoreOutcome> => {
        await settle(draft.id);
        const { update, ...outcome } = await restoreVersion(db, actor, draft, input);
        if (update) collab.applyStoredChange(draft.id, update);
        return outcome;
      });
    },
  };
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new VersionRefusal(400, "versions.refused.nameRequired");
  if (trimmed.length > VERSION_NAME_MAX_CHARS) throw new VersionRefusal(400, "versions.refused.nameTooLong", { max: VERSION_NAME_MAX_CHARS });
  return trimmed;
}

function audit(tx: Parameters<typeof recordAudit>[0], actorId: string, draft: DraftRef, action: "draft.version_named", details: Record<string, unknown>) {
  return recordAudit(tx, { workspaceId: draft.workspace_id, actorId, action, targetType: "draft", targetId: draft.id, details: { title: draft.title, ...details } });
}

export type VersionsService = ReturnType<typeof createVersionsService>;
