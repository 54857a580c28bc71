import { canExportDespiteDisclosures, type Abilities } from "../../core/policies";
import type { PlacedFinding } from "../checks/check-draft";
import { count } from "../../core/text/count";

/** One thing the file would disclose, as the Export dialog lists it. */
export interface DisclosureView {
  rule: string;
  where: string;
  message: string;
}

/**
 * An export or submission stopped before anything was rendered: 409 when nobody chose to
 * override, 403 when someone who is not an owner tried to. The service answers with the sentence
 * and the list (refusal.ts); nothing was written.
 */
export class DisclosureRefusal extends Error {
  override readonly name = "DisclosureRefusal";
  constructor(
    readonly status: 403 | 409,
    message: string,
    readonly disclosures: DisclosureView[],
  ) {
    super(message);
  }
}

/** What an owner exported anyway, for the audit event: how many findings of each rule, never their text. */
export type OverriddenDisclosures = Record<string, number>;

const PLACES_NAMED = 8;

/** "names a confidential organisation twice and keeps 1 template placeholder: para. 3, note 2 and cover." */
function whatAndWhere(disclosures: readonly PlacedFinding[]): string {
  const mentions = disclosures.filter((d) => d.rule !== "placeholder.left").length;
  const placeholders = disclosures.length - mentions;
  const what = [
    mentions ? `names a confidential organisation ${mentions === 1 ? "once" : count(mentions, "time")}` : "",
    placeholders ? `keeps ${count(placeholders, "template placeholder")}` : "",
  ].filter(Boolean);
  const places = [...new Set(disclosures.map((d) => d.where))];
  const named = places.slice(0, PLACES_NAMED).join(", ");
  const more = places.length > PLACES_NAMED ? ` and ${places.length - PLACES_NAMED} more places` : "";
  return `${what.join(" and ")} (${named}${more})`;
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
  const found = whatAndWhere(disclosures);
  if (!request.override) {
    throw new DisclosureRefusal(409, `Nothing was exported: the draft ${found}. Fix them in the draft (the Checks tab goes to each), or an owner can export it anyway.`, views);
  }
  if (!canExportDespiteDisclosures(request.abilities)) {
    throw new DisclosureRefusal(403, `Only an owner of the workspace can export a draft that names a confidential organisation or keeps template placeholders; this one ${found}.`, views);
  }
  const overridden: OverriddenDisclosures = {};
  for (const { rule } of disclosures) overridden[rule] = (overridden[rule] ?? 0) + 1;
  return overridden;
}

/** The JSON a refusal answers with: the sentence any client shows, and the list the Export dialog shows. */
export function disclosureRefusalBody(refusal: DisclosureRefusal): { error: string; disclosures: DisclosureView[] } {
  return { error: refusal.message, disclosures: refusal.disclosures };
}
