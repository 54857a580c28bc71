import type { CountingRule } from "../../core/checks/word-count";
import type { VersionPerson } from "../../core/versions/contract";
import { listDraftClients } from "../../db/queries/draft-clients";
import type { Executor } from "../../db/queries/executor";
import { listMembers } from "../../db/queries/memberships";
import { findTemplate, preflightRules, untemplatedPreflightRules } from "../../templates";

/** What reading a draft as a version needs besides its Y.Doc: the counting rule and who is who. */
export interface VersionContext {
  counts: CountingRule;
  userOfClient(clientId: number): string | null;
  person(userId: string): VersionPerson;
  organisationOf(userId: string): string | null;
  /** The same as plain data, for a worker thread (functions do not cross): Yjs client → user, user → organisation. */
  clients: ReadonlyMap<number, string | null>;
  organisations: ReadonlyMap<string, string | null>;
}

/** Undefined when the draft is gone. */
export async function loadVersionContext(db: Executor, draftId: string): Promise<VersionContext | undefined> {
  const draft = await db.selectFrom("drafts").select(["workspace_id", "template_slug"]).where("id", "=", draftId).executeTakeFirst();
  if (!draft) return undefined;
  const template = draft.template_slug ? findTemplate(draft.template_slug) : undefined;
  const [clients, members] = await Promise.all([listDraftClients(db, draftId), listMembers(db, draft.workspace_id)]);
  const organisationOf = new Map(members.map((m) => [m.userId, m.organisationId]));
  return {
    counts: (template ? preflightRules(template) : untemplatedPreflightRules()).counts,
    userOfClient: (clientId) => clients.get(clientId) ?? null,
    person: (userId) => ({ userId, organisationId: organisationOf.get(userId) ?? null }),
    organisationOf: (userId) => organisationOf.get(userId) ?? null,
    clients,
    organisations: organisationOf,
  };
}
