import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { countWordsByClient, type WordsByClient } from "../../core/checks/attribution";
import { countSectionWords } from "../../core/checks/section-words";
import type { CountingRule } from "../../core/checks/word-count";
import { organisationCounts, sectionCounts, type ClientOrganisations } from "../../core/budgets/counts";
import type { WordBudget } from "../../core/budgets/shares";
import { BODY_FIELD, documentSchema } from "../../core/editor";
import { listDraftClients } from "../../db/queries/draft-clients";
import type { Executor } from "../../db/queries/executor";
import { listMembers } from "../../db/queries/memberships";
import { listOrganisations } from "../../db/queries/organisations";
import { listWordBudgets, recentDraftClients } from "../../db/queries/word-budgets";
import type { Draft } from "../../db/schema";
import { findTemplate, preflightRules, untemplatedPreflightRules } from "../../templates";
import { readStoredYDoc } from "../drafts/draft-content";

/** What can receive a share of a draft's word limit. */
export interface BudgetTargetsView {
  /** The template's sections, in its order; titles as the template writes them (English). */
  sections: Array<{ id: string; title: string }>;
  /** The workspace's organisations; confidential ones too: members only ever read this. */
  organisations: Array<{ id: string; label: string; confidential: boolean }>;
}

/** GET …/budgets: a draft's budgets and what the browser needs to show them live. */
export interface BudgetsView extends BudgetTargetsView {
  /** The template's word limit; null when it has none (then no budgets can be set). */
  limit: number | null;
  counts: CountingRule;
  budgets: WordBudget[];
  /** Whether the reader may change the budgets (owners); the action checks again. */
  canManage: boolean;
  /** The reader's organisation in this workspace, or null: the status bar warns it when over. */
  yourOrganisation: string | null;
  /**
   * Who each Yjs client of the draft writes for (core/budgets/counts.ts): an organisation's id,
   * "no-organisation", "former-member", or "unknown" for a client in the stored text that was
   * never recorded. A client missing from it has written since this was read.
   */
  clients: ClientOrganisations;
  /**
   * The stored draft's counts (what an export reads): it trails typing by about half a second,
   * and up to STORED_COUNTS_TTL_MS more (server/budgets/service.ts). Zero while no budget is set.
   */
  stored: { counted: number; organisations: Record<string, number>; sections: Record<string, number>; readAt: string };
}

export function draftRules(draft: Draft): { limit: number | null; counts: CountingRule; sections: BudgetTargetsView["sections"] } {
  const template = draft.template_slug ? findTemplate(draft.template_slug) : undefined;
  const rules = template ? preflightRules(template) : untemplatedPreflightRules();
  return { limit: rules.wordLimit, counts: rules.counts, sections: rules.sections.map(({ id, title }) => ({ id, title })) };
}

/** The organisations a draft's budgets may name: its workspace's. */
export async function budgetOrganisations(db: Executor, workspaceId: string): Promise<BudgetTargetsView["organisations"]> {
  return (await listOrganisations(db, workspaceId)).map((o) => ({ id: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name, confidential: o.confidential }));
}

/**
 * A draft's clients by organisation, as server/checks/words-by-organisation.ts credits them: a
 * member's to the organisation of their membership now, a member without one to
 * "no-organisation", an account gone or no longer a member to "former-member".
 */
async function clientOrganisations(db: Executor, draft: Draft, organisationIds: ReadonlySet<string>): Promise<Record<string, string>> {
  const clients = await listDraftClients(db, draft.id);
  const members = new Map((await listMembers(db, draft.workspace_id)).map((m) => [m.userId, m.organisationId]));
  const map: Record<string, string> = {};
  for (const [clientId, userId] of clients) {
    if (!userId || !members.has(userId)) map[String(clientId)] = "former-member";
    else {
      const organisationId = members.get(userId);
      map[String(clientId)] = organisationId && organisationIds.has(organisationId) ? organisationId : "no-organisation";
    }
  }
  return map;
}

/**
 * A client that stored a change this recently and has no draft_clients row may yet get one (the
 * registry writes within a second): far longer than that, short enough that a client never
 * recorded stops reading as pending soon after it stops typing.
 */
const RECENT_SECONDS = 15;

/** What the stored draft says, for the shares: each client's words and each section's. */
export interface StoredCounts {
  byClient: WordsByClient;
  sections: Map<string, number>;
  readAt: Date;
}

const NOTHING_STORED = (): StoredCounts => ({ byClient: { byClient: new Map(), unattributed: 0, total: 0 }, sections: new Map(), readAt: new Date() });

/**
 * Reads the stored draft and counts it: the Y.Doc rebuilt, read into ProseMirror, attributed
 * (about 0.3 s on a 70,000-word draft on a busy machine; bench/checks/attribution.ts).
 */
export async function readStoredCounts(db: Executor, draftId: string, counts: CountingRule): Promise<StoredCounts> {
  const readAt = new Date();
  const read = await readStoredYDoc(db, draftId, (ydoc) => ({
    byClient: countWordsByClient(ydoc, counts),
    sections: sectionCounts(countSectionWords(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), documentSchema()), counts)),
  }));
  return { ...read, readAt };
}

/**
 * The view of a draft's budgets for one member (the caller has authorised them). The stored
 * draft is read only when it has budgets (`storedCounts`, which the service may answer from a
 * short cache): a draft without any costs three small queries per poll.
 */
export async function readBudgetsView(
  db: Executor,
  draft: Draft,
  reader: { userId: string; organisationId: string | null; canManage: boolean },
  storedCounts: (counts: CountingRule) => Promise<StoredCounts> = (counts) => readStoredCounts(db, draft.id, counts),
): Promise<BudgetsView> {
  const { limit, counts, sections } = draftRules(draft);
  const organisations = await budgetOrganisations(db, draft.workspace_id);
  const organisationIds = new Set(organisations.map((o) => o.id));
  const sectionIds = new Set(sections.map((s) => s.id));
  // A budget whose organisation was removed since, or whose section left the template, no longer counts.
  const budgets = (await listWordBudgets(db, draft.id)).filter((b) => (b.kind === "section" ? sectionIds : organisationIds).has(b.id));
  const stored = budgets.length > 0 ? await storedCounts(counts) : NOTHING_STORED();
  // Read after the document, as words-by-organisation does: every client in it has had time to be recorded.
  const recorded = budgets.length > 0 ? await clientOrganisations(db, draft, organisationIds) : {};
  const recent = budgets.length > 0 ? await recentDraftClients(db, draft.id, RECENT_SECONDS, (update) => Y.parseUpdateMeta(update).from.keys()) : new Set<number>();
  // Only the clients whose words the browser may meet: those in the stored text and those that
  // stored a change lately (a draft's sessions add up; most of their words are long rewritten).
  const clients: Record<string, string> = {};
  for (const clientId of [...stored.byClient.byClient.keys(), ...recent]) {
    const key = recorded[String(clientId)];
    // Clients in the stored text nobody recorded (the template's text, written by the server;
    // edits from before the registry) are nobody's for good: "unknown", so the browser stops
    // waiting for them. Not those that stored a change lately: their record may be on its way;
    // left out, the browser counts their words as pending and asks again.
    if (key !== undefined) clients[String(clientId)] = key;
    else if (!recent.has(clientId)) clients[String(clientId)] = "unknown";
  }
  const byOrganisation = organisationCounts(stored.byClient, clients, null).counts;
  return {
    limit,
    counts,
    budgets,
    canManage: reader.canManage,
    sections,
    organisations,
    yourOrganisation: reader.organisationId && organisationIds.has(reader.organisationId) ? reader.organisationId : null,
    clients,
    stored: { counted: stored.byClient.total, organisations: Object.fromEntries(byOrganisation), sections: Object.fromEntries(stored.sections), readAt: stored.readAt.toISOString() },
  };
}
