import type { Draft } from "../../db/schema";
import type { ServiceDeps } from "../services";
import { checkLoadedDraft, type DraftCheck } from "./check-draft";
import { countWordsByOrganisation, type WordsByOrganisation } from "./words-by-organisation";

/** The pre-flight checks of a stored draft, and who wrote its words, for the routes that show them. */
export function createChecksService({ db, collab }: Pick<ServiceDeps, "db" | "collab">) {
  return {
    /**
     * The draft's check as people see it: every node writes what it holds first (a slow node:
     * its last half second is left out), then the stored draft is checked. Callers authorise.
     */
    async checkDraft(draft: Draft): Promise<DraftCheck> {
      await collab.settle(draft.id).catch(() => {});
      return checkLoadedDraft(db, draft);
    },

    /** The stored draft's counted words per organisation (words-by-organisation.ts). */
    wordsByOrganisation(draft: Draft): Promise<WordsByOrganisation> {
      return countWordsByOrganisation(db, draft);
    },
  };
}

export type ChecksService = ReturnType<typeof createChecksService>;
