import type { Finding } from "../../core/checks/finding";
import type { Message } from "../../core/i18n/message";
import { preflight, type PreflightReport } from "../../core/checks/preflight";
import type { CountingRule } from "../../core/checks/word-count";
import { isStateCode, stateName } from "../../core/un/states";
import { findDraft } from "../../db/queries/drafts";
import type { Executor } from "../../db/queries/executor";
import { listOrganisations } from "../../db/queries/organisations";
import type { Draft } from "../../db/schema";
import { findTemplate, preflightRules, untemplatedPreflightRules } from "../../templates";
import { readDraftContent } from "../drafts/draft-content";
import { describeFindingPlaces } from "./finding-places";
import { findMissingSourceIds, lookUpCitedRecommendations } from "./library-lookups";

/** A finding with where a person finds it: "para. 12", "note 7", "heading “I. Introduction”", "cover" (a checks.place.* message). */
export interface PlacedFinding extends Finding {
  where: Message;
}

/** The pre-flight report with every finding placed; still a PreflightReport to any reader of one. */
export interface PlacedReport extends PreflightReport {
  findings: PlacedFinding[];
}

/** The pre-flight report of one stored draft, with what a printer or the export screen shows around it. */
export interface DraftCheck {
  /** `stateName`: the State's name, "" when the draft names none. */
  draft: { id: string; title: string; stateUnderReview: string; stateName: string };
  /** Null for a draft made without a template (or from one since removed): only template-free rules ran. */
  template: { slug: string; title: string } | null;
  /** What the word count counts, so "footnotes counted" can be said beside the number. */
  counts: CountingRule;
  report: PlacedReport;
  totals: { errors: number; warnings: number; suggestions: number };
}

/**
 * Runs every pre-flight check on a stored draft, as the editor's Checks tab runs them on the
 * live one: the same template rules (templates/preflight-rules.ts), the workspace's
 * organisations, the cited sources still in the library and the cited UPR recommendations
 * looked up for the draft's State. Undefined when there is no such draft. Callers authorise:
 * this reads any draft it is given.
 */
export async function checkDraft(db: Executor, draftId: string): Promise<DraftCheck | undefined> {
  const draft = await findDraft(db, draftId);
  return draft ? checkLoadedDraft(db, draft) : undefined;
}

/** checkDraft for a draft row the caller already loaded (and authorised). */
export async function checkLoadedDraft(db: Executor, draft: Draft): Promise<DraftCheck> {
  const template = draft.template_slug ? findTemplate(draft.template_slug) : undefined;
  const rules = template ? preflightRules(template) : untemplatedPreflightRules();
  const { doc, cover } = await readDraftContent(db, draft.id);
  const organisations = await listOrganisations(db, draft.workspace_id);
  const missingSourceIds = await findMissingSourceIds(db, draft.workspace_id, doc);
  const state = draft.state_under_review;
  const knownRecommendations = state ? await lookUpCitedRecommendations(db, draft.workspace_id, state, doc) : undefined;
  const name = isStateCode(state) ? stateName(state) : undefined;

  const report = preflight({ doc, cover, template: rules, organisations, missingSourceIds, knownRecommendations, stateName: name });
  const places = describeFindingPlaces(doc, report.findings, template?.rules.headingNumbering);
  const findings = report.findings.map((finding, i) => ({ ...finding, where: places[i]! }));
  const count = (severity: Finding["severity"]) => findings.filter((f) => f.severity === severity).length;
  return {
    draft: { id: draft.id, title: draft.title, stateUnderReview: state, stateName: name ?? "" },
    template: template ? { slug: template.slug, title: template.title } : null,
    counts: rules.counts,
    report: { ...report, findings },
    totals: { errors: count("error"), warnings: count("warning"), suggestions: count("info") },
  };
}
