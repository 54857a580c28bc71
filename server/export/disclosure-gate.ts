import { canExportDespiteDisclosures, type Abilities } from "../../core/policies";
import type { PlacedFinding } from "../checks/check-draft";
import { message, type Message, type MessageId } from "../../core/i18n/message";

/** One thing the file would disclose, as the Export dialog lists it. */
export interface DisclosureView {
  rule: string;
  where: PlacedFinding["where"];
  message: PlacedFinding["message"];
}

/** What the findings add up to, for the refusal's sentence: the page words it in the person's language. */
export interface DisclosureSummary {
  /** Mentions of a confidential organisation. */
  mentions: number;
  /** Template placeholders left. */
  placeholders: number;
  /** The first places named, in order, once each. */
  places: Array<PlacedFinding["where"]>;
  /** How many more places there are beyond those named. */
  morePlaces: number;
}

/**
 * An export or submission stopped before anything was rendered: 409 when nobody chose to
 * override, 403 when someone who is not an owner tried to. The service answers with the message,
 * the summary and the list (refusal.ts); nothing was written.
 */
export class DisclosureRefusal extends Error {
  override readonly name = "DisclosureRefusal";
  readonly reason: Message;
  constructor(
    readonly status: 403 | 409,
    id: MessageId,
    readonly disclosures: DisclosureView[],
    readonly summary: DisclosureSummary,
  ) {
    super(id);
    this.reason = message(id);
  }
}

/** What an owner exported anyway, for the audit event: how many findings of each rule, never their text. */
export type OverriddenDisclosures = Record<string, number>;

const PLACES_NAMED = 8;

/** "names a confidential organisation twice and keeps 1 template placeholder (para. 3, note 2, cover)", as numbers and places. */
function summarise(disclosures: readonly PlacedFinding[]): DisclosureSummary {
  const mentions = disclosures.filter((d) => d.rule !== "placeholder.left").length;
  const places = [...new Map(disclosures.map((d) => [JSON.stringify(d.where), d.where])).values()];
  return { mentions, placeholders: disclosures.length - mentions, places: places.slice(0, PLACES_NAMED), morePlaces: Math.max(0, places.length - PLACES_NAMED) };
}

/**
 * Lets an export through or throws DisclosureRefusal. With nothing to disclose it passes, and an
 * override sent anyway is ignored. Otherwise only an owner's explicit override passes; the
 * counts it passed are returned for the audit. `disclosures` must come from the content being
 * rendered (exportDisclosures), not from what the browser was shown.
 */
export function requireDisclosuresCleared(disclosures: readonly PlacedFinding[], request: { override: boolean; abilities: Abilities }): OverriddenDisclosures | null {
  if (disclosures.length === 0) return null;
  const views = disclosures.map(({ rule, where, message }) => ({ rule, where, message }));
  const summary = summarise(disclosures);
  if (!request.override) throw new DisclosureRefusal(409, "export.disclosure.refused", views, summary);
  if (!canExportDespiteDisclosures(request.abilities)) throw new DisclosureRefusal(403, "export.disclosure.ownerOnly", views, summary);
  const overridden: OverriddenDisclosures = {};
  for (const { rule } of disclosures) overridden[rule] = (overridden[rule] ?? 0) + 1;
  return overridden;
}
