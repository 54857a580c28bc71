import type { Kysely } from "kysely";
import type { DatabaseKind } from "../db/client";
import type { Database } from "../db/schema";
import type { CollabControl, JobRunner } from "./context";
import type { Limits } from "./limits/limits";
import type { Logger } from "./logger";
import type { Mailer } from "./mail/mailer";
import { createAuthService } from "./auth/service";
import { createRegistrationService, type SignUpSetting } from "./registration/service";
import { createReviewService } from "./review/service";
import { createWorkspacesService } from "./workspaces/service";
import { createChecksService } from "./checks/service";
import { createDraftsService } from "./drafts/service";
import { createExportsService } from "./export/service";
import { createImportsService } from "./import/service";
import { createLibraryService } from "./library/service";
import { createVersionsService } from "./versions/service";
import { createBudgetsService } from "./budgets/service";
import { createSignOffService } from "./sign-off/service";
import { createTwoStepService } from "./two-step/service";

/** What the server entry builds once and every feature service is made from. */
export interface ServiceDeps {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  mailer: Mailer;
  collab: CollabControl;
  jobs: JobRunner;
  log: Logger;
  /** Attempt limits shared by every node (issue 22). */
  limits: Limits;
  /** SIGNUP: who may create an account once one exists (default: invitees only). */
  signUp?: SignUpSetting;
}

/**
 * Every use case Caucus has, one service object per feature folder of server/, built once in the
 * server entry (server/index.ts) and handed to Remix through the load context: routes in app/
 * are HTTP adapters that parse, call a service and respond, and import only types from here.
 * One instance of each module exists in the process (decision 018).
 */
export function createServices(deps: ServiceDeps) {
  const versions = createVersionsService(deps);
  return {
    // Accounts and coalitions: auth, workspaces, review.
    auth: createAuthService(deps),
    registration: createRegistrationService(deps),
    workspaces: createWorkspacesService(deps),
    review: createReviewService(deps),

    // Drafts and their documents: drafts, library, checks, export, import.
    drafts: createDraftsService(deps),
    library: createLibraryService(deps),
    checks: createChecksService(deps),
    exports: createExportsService(deps),
    imports: createImportsService(deps),
    versions,
    budgets: createBudgetsService(deps),
    signOff: createSignOffService(deps, versions),
    twoStep: createTwoStepService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
