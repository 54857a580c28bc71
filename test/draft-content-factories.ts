import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FIELD, documentSchema, writeCover, type Cover } from "../core/editor";
import type { DatabaseHandle } from "../db/client";
import { appendDraftUpdates } from "../db/queries/draft-documents";
import { createDraft } from "../db/queries/drafts";
import { upsertRecommendations } from "../db/queries/library-recommendations";
import { upsertSources } from "../db/queries/library-sources";
import { SourceInputSchema, type SourceRecord } from "../core/library/records";
import { buildWorkspace } from "./factories";
import { buildRecommendation } from "./library-factories";

/** ProseMirror JSON builders for a draft's body, so a test document reads like the page. */
type Json = Record<string, unknown>;
type Inline = Json | string;

const inline = (content: Inline[]): Json[] => content.map((c) => (typeof c === "string" ? { type: "text", text: c } : c));

export const heading = (text: string, section: string | null = null, level = 1): Json => ({ type: "heading", attrs: { level, section }, content: [{ type: "text", text }] });
export const paragraph = (...content: Inline[]): Json => ({ type: "paragraph", content: inline(content) });
export const footnote = (id: string, ...content: Inline[]): Json => ({ type: "footnote", attrs: { id }, content: inline(content) });
export const citation = (sourceId: string, label: string, pinpoint = ""): Json => ({ type: "citation", attrs: { sourceId, label, pinpoint } });
export const letteredList = (...items: string[]): Json => ({
  type: "orderedList",
  attrs: { listStyle: "lower-alpha" },
  content: items.map((item) => ({ type: "listItem", content: [{ type: "paragraph", attrs: { numbered: false }, content: [{ type: "text", text: item }] }] })),
});

/**
 * Stores a body and cover as a draft's document, the way the collaboration server does: one
 * Yjs update in draft_updates (no snapshot), so readers must merge the log as they would after
 * a session that was never compacted.
 */
export async function storeDraftContent(handle: DatabaseHandle, draftId: string, body: Json[], cover: Partial<Cover>): Promise<void> {
  const ydoc = prosemirrorJSONToYDoc(documentSchema(), { type: "doc", content: body }, BODY_FIELD);
  writeCover(ydoc, cover);
  await appendDraftUpdates(handle.db, [{ draftId, update: Y.encodeStateAsUpdate(ydoc), userId: null }]);
  ydoc.destroy();
}

/** A draft made from a template in a workspace (the factories' draft has no template). */
export async function buildTemplatedDraft(handle: DatabaseHandle, input: { workspaceId: string; createdBy: string; template: string; stateUnderReview: string; title?: string }) {
  return createDraft(handle.db, {
    workspace_id: input.workspaceId,
    title: input.title ?? "Submission on the State",
    mechanism: "UPR",
    state_under_review: input.stateUnderReview,
    template_slug: input.template,
    created_by: input.createdBy,
  });
}

/** 186.60 as the library holds it for Ghana: what the misquote in the problem draft is checked against. */
export const GHANA_186_60 = "Ratify the Optional Protocol to the Convention against Torture";

/**
 * A UPR individual submission on Ghana with one problem of each kind the server looks up or
 * places: over the 2,815-word limit, an empty note (note 1), a symbol and a pinpoint to
 * normalise (note 2), a misquoted recommendation (para. 3), an unknown one (para. 4), a
 * citation to a source deleted from the library (note 3, beside note 4's live one), and an
 * empty Recommendations section (heading "IV. Recommendations").
 */
export async function buildDraftWithProblems(handle: DatabaseHandle) {
  const world = await buildWorkspace(handle);
  const draft = await buildTemplatedDraft(handle, { workspaceId: world.workspace.id, createdBy: world.members.owner.id, template: "upr-individual", stateUnderReview: "GHA", title: "Ghana: freedom of expression" });
  await upsertRecommendations(handle.db, world.workspace.id, [buildRecommendation({ stateUnderReview: "GHA", recommendingStates: ["Norway"], paragraph: "186.60", text: GHANA_186_60 })]);
  const provenance = { source: "test", licence: null, retrievedAt: null };
  const { records } = await upsertSources(handle.db, world.workspace.id, [
    SourceInputSchema.parse({ csl: { type: "report", title: "Report of the Working Group" }, unSymbol: "A/HRC/22/6", provenance }),
    SourceInputSchema.parse({ csl: { type: "report", title: "Report of the Working Group" }, unSymbol: "A/HRC/25/5", provenance }),
  ]);
  const [deleted, kept] = records as [SourceRecord, SourceRecord];
  await handle.db.deleteFrom("sources").where("id", "=", deleted.id).execute();

  await storeDraftContent(
    handle,
    draft.id,
    [
      heading("Introduction", "introduction"),
      paragraph("This submission concerns Ghana.", footnote("n1")),
      paragraph(Array.from({ length: 2900 }, (_, i) => `word${i}`).join(" ")),
      heading("Follow-up to the previous review", "follow-up"),
      paragraph("Ghana supported recommendation 186.60 (Norway), to “ratify the optional protocol promptly”, and has not done so."),
      paragraph("It also received recommendation 186.99, on the press."),
      heading("Implementation", "implementation"),
      paragraph("The Working Group said so.", footnote("n2", "See A/HRC/25/5/add.1, para 12.")),
      paragraph("The Council noted it too.", footnote("n3", citation(deleted.id, "A/HRC/22/6")), footnote("n4", citation(kept.id, "A/HRC/25/5", "para. 186.60"))),
      heading("Recommendations", "recommendations"),
      paragraph(),
    ],
    { title: "Ghana: freedom of expression", stateUnderReview: "GHA", organisations: [world.organisation.id], contact: "lead@example.org", language: "en" },
  );
  return { world, draft };
}

/** The same kind of draft with every required section written and the cover complete: no errors. */
export async function buildCleanDraft(handle: DatabaseHandle) {
  const world = await buildWorkspace(handle);
  const draft = await buildTemplatedDraft(handle, { workspaceId: world.workspace.id, createdBy: world.members.owner.id, template: "upr-individual", stateUnderReview: "GHA", title: "Ghana: clean copy" });
  await storeDraftContent(
    handle,
    draft.id,
    [
      heading("Introduction", "introduction"),
      paragraph("This submission by a coalition of journalists concerns freedom of expression in Ghana."),
      heading("Follow-up to the previous review", "follow-up"),
      paragraph("Ghana has not yet decriminalised defamation, as it undertook to do."),
      heading("Implementation", "implementation"),
      paragraph("Three journalists were detained in 2024 for their reporting."),
      heading("Recommendations", "recommendations"),
      letteredList("Consider a review of the Criminal Offences Act.", "Repeal section 208 of the Criminal Offences Act by 2027."),
    ],
    { title: "Ghana: clean copy", stateUnderReview: "GHA", organisations: [world.organisation.id], contact: "lead@example.org", language: "en" },
  );
  return { world, draft };
}
