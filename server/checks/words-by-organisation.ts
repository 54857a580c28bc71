import * as Y from "yjs";
import { countWordsByClient } from "../../core/checks/attribution";
import type { CountingRule } from "../../core/checks/word-count";
import { readCover } from "../../core/editor";
import { listDraftClients } from "../../db/queries/draft-clients";
import { loadDraftDocument } from "../../db/queries/draft-documents";
import type { Executor } from "../../db/queries/executor";
import { listMembers } from "../../db/queries/memberships";
import { listOrganisations } from "../../db/queries/organisations";
import type { Draft } from "../../db/schema";
import { findTemplate, preflightRules, untemplatedPreflightRules } from "../../templates";

/** Who wrote a share of the words: an organisation, or one of the groups without one. */
export type ContributorKind = "organisation" | "no-organisation" | "former-member" | "unknown";

export interface OrganisationWords {
  /** The organisation's id, or the kind for the groups that have none. */
  key: string;
  kind: ContributorKind;
  /** "Name (ACR)" for an organisation; "" for the groups, which the page names in the reader's language. */
  label: string;
  /** Shown to members only (this is a workspace's internal view); the browser marks it. */
  confidential: boolean;
  words: number;
  /** words / counted, between 0 and 1 (0 when nothing is counted). */
  share: number;
}

export interface WordsByOrganisation {
  /** Every word the template's rule counts, as the Checks tab counts the same stored text. */
  counted: number;
  counts: CountingRule;
  /** Most words first; organisations on the cover are listed even when they wrote nothing. */
  rows: OrganisationWords[];
  /** When the stored draft was read: what is typed reaches storage within about half a second. */
  readAt: string;
}

/** The groups without an organisation, in the order a tie lists them. */
const GROUPS: Array<Exclude<ContributorKind, "organisation">> = ["former-member", "no-organisation", "unknown"];

/**
 * How many of a stored draft's counted words each organisation of its workspace wrote, from the
 * Yjs client id every character carries (core/checks/attribution.ts) and who each client was
 * (draft_clients, written by the collab server). A member's words go to the organisation their
 * membership names now; a member without one to "No organisation"; someone no longer a member
 * (or whose account is gone) to "Former members"; the template's text, clients never recorded
 * and words nobody can be named for to "Template and unknown". Reads only this draft's workspace,
 * confidential organisations included: callers must have authorised a member of it.
 */
export async function countWordsByOrganisation(db: Executor, draft: Draft): Promise<WordsByOrganisation> {
  const template = draft.template_slug ? findTemplate(draft.template_slug) : undefined;
  const counts = (template ? preflightRules(template) : untemplatedPreflightRules()).counts;
  const readAt = new Date();
  const stored = await loadDraftDocument(db, draft.id);
  const ydoc = new Y.Doc();
  let byClient: ReturnType<typeof countWordsByClient>;
  let coverOrganisations: string[];
  try {
    if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(ydoc, update);
    byClient = countWordsByClient(ydoc, counts);
    coverOrganisations = readCover(ydoc).organisations;
  } finally {
    ydoc.destroy();
  }
  // Read after the document: a client's row is written with (or soon after) its first change,
  // so every client in what was read has had at least as long to be recorded.
  const clients = await listDraftClients(db, draft.id);
  const members = new Map((await listMembers(db, draft.workspace_id)).map((m) => [m.userId, m.organisationId]));
  const organisations = await listOrganisations(db, draft.workspace_id);
  const ownOrganisations = new Set(organisations.map((o) => o.id));

  const words = new Map<string, number>();
  const add = (key: string, n: number) => words.set(key, (words.get(key) ?? 0) + n);
  add("unknown", byClient.unattributed);
  for (const [clientId, n] of byClient.byClient) {
    const userId = clients.get(clientId);
    if (!userId) add(userId === null ? "former-member" : "unknown", n);
    else if (!members.has(userId)) add("former-member", n);
    else {
      const organisationId = members.get(userId);
      // Only this workspace's organisations are ever named.
      add(organisationId && ownOrganisations.has(organisationId) ? organisationId : "no-organisation", n);
    }
  }

  const share = (n: number) => (byClient.total === 0 ? 0 : n / byClient.total);
  const rows: OrganisationWords[] = [];
  for (const organisation of organisations) {
    const n = words.get(organisation.id) ?? 0;
    if (n === 0 && !coverOrganisations.includes(organisation.id)) continue;
    const label = organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name;
    rows.push({ key: organisation.id, kind: "organisation", label, confidential: organisation.confidential, words: n, share: share(n) });
  }
  for (const kind of GROUPS) {
    const n = words.get(kind) ?? 0;
    if (n > 0) rows.push({ key: kind, kind, label: "", confidential: false, words: n, share: share(n) });
  }
  // A stable order (sort keeps ties in place): most words first; organisations by name before the groups.
  rows.sort((a, b) => b.words - a.words || Number(a.kind !== "organisation") - Number(b.kind !== "organisation") || a.label.localeCompare(b.label));
  return { counted: byClient.total, counts, rows, readAt: readAt.toISOString() };
}
