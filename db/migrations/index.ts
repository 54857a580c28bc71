import type { Migration } from "kysely";
import * as createAccounts from "./20261122000000-create-accounts";
import * as createWorkspaces from "./20261122000100-create-workspaces";
import * as createDraftDocuments from "./20261122010000-create-draft-documents";
import * as createLibrary from "./20261127000000-create-library";
import * as createComments from "./20261127120000-create-comments";
import * as createDraftClients from "./20261127130000-create-draft-clients";
import * as createExports from "./20261127140000-create-exports";
import * as submissionFreezeAndReopen from "./20261206120000-submission-freeze-and-reopen";
import * as interfaceLanguage from "./20261207090000-interface-language";
import * as suggestions from "./20261207120000-suggestions";
import * as versionsAndSignOff from "./20261208090000-versions-and-sign-off";
import * as signOffNotifications from "./20261208100000-sign-off-notifications";
import * as sessionDevices from "./20261209090000-session-devices";
import * as sharedLimits from "./20261209090100-shared-limits";
import * as twoStep from "./20261209090200-two-step";
import * as signInNotifications from "./20261209090300-sign-in-notifications";
import * as signUpConfirmations from "./20261209090400-sign-up-confirmations";

/**
 * Every migration, by name, in order. Listed statically (not read from disk) so the same list
 * works under tsx, Vite's SSR build and Vitest without a file-system provider.
 */
export const migrations: Record<string, Migration> = {
  "20261122000000-create-accounts": createAccounts,
  "20261122000100-create-workspaces": createWorkspaces,
  "20261122010000-create-draft-documents": createDraftDocuments,
  "20261127000000-create-library": createLibrary,
  "20261127120000-create-comments": createComments,
  "20261127130000-create-draft-clients": createDraftClients,
  "20261127140000-create-exports": createExports,
  "20261206120000-submission-freeze-and-reopen": submissionFreezeAndReopen,
  "20261207090000-interface-language": interfaceLanguage,
  "20261207120000-suggestions": suggestions,
  "20261208090000-versions-and-sign-off": versionsAndSignOff,
  "20261208100000-sign-off-notifications": signOffNotifications,
  "20261209090000-session-devices": sessionDevices,
  "20261209090100-shared-limits": sharedLimits,
  "20261209090200-two-step": twoStep,
  "20261209090300-sign-in-notifications": signInNotifications,
  "20261209090400-sign-up-confirmations": signUpConfirmations,
};
