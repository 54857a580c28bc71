import { expect, it } from "vitest";
import * as Y from "yjs";
import * as newDraft from "../../app/routes/workspaces.$workspaceId.drafts.new";
import { readCover } from "../../core/editor";
import { loadDraftDocument } from "../../db/queries/draft-documents";
import { createOrganisation } from "../../db/queries/organisations";
import { findTemplate, localiseTemplate } from "../../templates";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { makeRequest, run, testContext } from "../remix";

describeEachDatabase("drafts from templates", (handle) => {
  const ctx = () => testContext(handle());

  async function create(world: Awaited<ReturnType<typeof buildWorkspace>>, form: Record<string, string | string[]>) {
    return run(newDraft.action, makeRequest("/d", { token: world.members.editor.token, form }), ctx(), { workspaceId: world.workspace.id });
  }

  it("stores the template's sections and the cover as the draft's first snapshot", async () => {
    const world = await buildWorkspace(handle());
    const org = await createOrganisation(handle().db, world.workspace.id, { name: "Rights Watch Ghana", acronym: "RWG", confidential: false });
    const outcome = await create(world, {
      title: "Joint submission on Ghana",
      template: "upr-joint",
      stateUnderReview: "GHA",
      session: "UPR 4th cycle",
      contact: "coordinator@example.org",
      language: "fr",
      organisations: [org!.id],
      deadline: "",
    });
    expect(outcome.status).toBe(302);
    const draftId = outcome.location!.split("/drafts/")[1]!;
    const draft = await handle().db.selectFrom("drafts").selectAll().where("id", "=", draftId).executeTakeFirstOrThrow();
    expect(draft).toMatchObject({ template_slug: "upr-joint", mechanism: "UPR", state_under_review: "GHA" });

    const stored = await loadDraftDocument(handle().db, draftId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot!);
    expect(readCover(doc)).toEqual({
      title: "Joint submission on Ghana",
      subtitle: "",
      mechanism: "UPR",
      session: "UPR 4th cycle",
      stateUnderReview: "GHA",
      organisations: [org!.id],
      contact: "coordinator@example.org",
      date: "",
      language: "fr",
    });
    const snapshot = await handle().db.selectFrom("draft_snapshots").select(["content", "text"]).where("draft_id", "=", draftId).executeTakeFirstOrThrow();
    const headings = (snapshot.content as { content: Array<{ type: string; content?: Array<{ text: string }> }> }).content
      .filter((b) => b.type === "heading")
      .map((b) => b.content![0]!.text);
    // A French draft starts with the template's French headings and starter text (issue 19).
    expect(headings).toEqual(localiseTemplate(findTemplate("upr-joint")!, "fr").sections.map((s) => s.title));
    expect(headings).toContain("Organisations auteurs de la communication");
    expect(snapshot.text).toContain("La présente communication conjointe est présentée par");
  });

  it("refuses another workspace's organisation, a language the template does not take, and writes nothing", async () => {
    const world = await buildWorkspace(handle());
    const other = await buildWorkspace(handle());
    const foreign = await createOrganisation(handle().db, other.workspace.id, { name: "Elsewhere", acronym: "", confidential: true });
    const base = { title: "Parallel report", template: "cedaw-session", stateUnderReview: "CHN", deadline: "" };
    const refusedOrg = await create(world, { ...base, organisations: [foreign!.id] });
    expect(refusedOrg.status).toBe(409);
    expect(Object.keys((refusedOrg.body as { fieldErrors: object }).fieldErrors)).toEqual(["organisations"]);
    // Any of the UN's six languages is taken (Chinese starts from the English headings); others are refused.
    const refusedLanguage = await create(world, { ...base, language: "de" });
    expect(refusedLanguage.status).toBe(400);
    expect(Object.keys((refusedLanguage.body as { fieldErrors: object }).fieldErrors)).toEqual(["language"]);
    const drafts = await handle().db.selectFrom("drafts").select("id").where("workspace_id", "=", world.workspace.id).execute();
    // buildWorkspace makes one draft; the refused requests added none.
    expect(drafts).toHaveLength(1);
  });
});
