import { listOrganisations } from "../../db/queries/organisations";
import { findUserById } from "../../db/queries/users";
import type { Draft } from "../../db/schema";
import type { ServiceDeps } from "../services";
import { readDraftContent, type DraftContent } from "./draft-content";

/** An organisation as a draft's cover lists it (and the forms that fill a cover offer it). */
export interface CoverOrganisation {
  id: string;
  name: string;
  /** "" when the organisation has none. */
  acronym: string;
  confidential: boolean;
}

/**
 * Drafts and their stored content: what checks, export and submission read (readDraftContent,
 * new-draft.ts for writing a draft's first document), and what the draft's own page shows
 * around the editor.
 */
export function createDraftsService({ db }: Pick<ServiceDeps, "db">) {
  return {
    /** The draft's body and cover as stored (snapshot and log merged); see draft-content.ts. */
    readContent(draftId: string): Promise<DraftContent> {
      return readDraftContent(db, draftId);
    },

    /**
     * The workspace's organisations a cover may name, confidential ones included: callers
     * have checked that the reader is a member of the workspace.
     */
    async coverOrganisations(workspaceId: string): Promise<CoverOrganisation[]> {
      return (await listOrganisations(db, workspaceId)).map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, confidential: o.confidential }));
    },

    /** Who made the draft and who reopened it after submission, by name (null when unknown). */
    async people(draft: Pick<Draft, "created_by" | "reopened_by">): Promise<{ author: string | null; reopener: string | null }> {
      const [author, reopener] = await Promise.all([
        draft.created_by ? findUserById(db, draft.created_by) : undefined,
        draft.reopened_by ? findUserById(db, draft.reopened_by) : undefined,
      ]);
      return { author: author?.name ?? null, reopener: reopener?.name ?? null };
    },
  };
}

export type DraftsService = ReturnType<typeof createDraftsService>;
