import type { WordsByClient } from "../checks/attribution";
import type { SectionWords } from "../checks/section-words";

/**
 * Who each Yjs client of a draft writes for, as the server knows it (draft_clients and the
 * memberships now): client id → an organisation's id, or one of the groups words-by-organisation
 * names ("no-organisation", "former-member", "unknown"). Sent to members only.
 */
export type ClientOrganisations = Readonly<Record<string, string>>;

export interface OrganisationCounts {
  /** Organisation id (or group) → counted words. */
  counts: Map<string, number>;
  /**
   * Words by clients the map does not know yet (someone who joined since it was read): counted
   * in the total, credited to nobody until the map is read again.
   */
  pending: number;
}

/**
 * Counted words per organisation from a live attribution (core/checks/attribution.ts), the way the
 * server's words-by-organisation credits a stored draft: each client to its organisation; this
 * browser's own client to `own` (its person's organisation, known before the server has recorded
 * the client); the template's text and words nobody can be named for to nobody.
 */
export function organisationCounts(byClient: WordsByClient, clients: ClientOrganisations, own: { clientId: number; key: string | null } | null): OrganisationCounts {
  const counts = new Map<string, number>();
  let pending = 0;
  for (const [clientId, words] of byClient.byClient) {
    const key = own && clientId === own.clientId ? (own.key ?? "no-organisation") : clients[String(clientId)];
    if (key === undefined) pending += words;
    else counts.set(key, (counts.get(key) ?? 0) + words);
  }
  return { counts, pending };
}

/** Counted words per template section id (a section heading used twice counts once, summed). */
export function sectionCounts(sections: readonly SectionWords[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const section of sections) {
    if (section.section !== null) counts.set(section.section, (counts.get(section.section) ?? 0) + section.words);
  }
  return counts;
}
