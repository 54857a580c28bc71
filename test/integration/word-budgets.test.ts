import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import * as budgetsRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.budgets";
import type { BudgetsActionResult, BudgetsView } from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.budgets";
import { describeAuditEvent } from "../../app/components/audit/describe-event";
import { compareShares, sharesOver, type WordBudget } from "../../core/budgets/shares";
import { BODY_FIELD } from "../../core/editor";
import { recordDraftClients } from "../../db/queries/draft-clients";
import { appendDraftUpdates } from "../../db/queries/draft-documents";
import { upsertMembership } from "../../db/queries/memberships";
import { createOrganisation } from "../../db/queries/organisations";
import { uiTranslator } from "../../locales/ui/all";
import { readStoredYDoc } from "../../server/drafts/draft-content";
import { findTemplate, templateYDoc } from "../../templates";
import { describeEachDatabase } from "../db/test-database";
import { buildTemplatedDraft } from "../draft-content-factories";
import { buildUser, buildWorkspace } from "../factories";
import { ORIGIN, runJson, testContext } from "../remix";

/** A paragraph typed at the end of the body by whoever owns `doc` (its client id). */
function typeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment(BODY_FIELD);
  body.insert(body.length, [paragraph]);
}

// The coordinator's shares of the word limit (issue 21), over the real route on both engines:
// who may set them, what is refused, the audit, and the shares against words the stored draft's
// clients really wrote (attributed through draft_clients, as the collab server records them).
describeEachDatabase("the word budgets route", (handle) => {
  const at = (workspaceId: string, draftId: string) => `${ORIGIN}/workspaces/${workspaceId}/drafts/${draftId}/budgets`;
  const headers = (token: string) => ({ origin: ORIGIN, cookie: `caucus_session=${token}`, "content-type": "application/json" });
  const get = (token: string, workspaceId = world.workspace.id, id = draftId) =>
    runJson(budgetsRoute.loader as never, new Request(at(workspaceId, id), { headers: headers(token) }), testContext(handle()), { workspaceId, draftId: id });
  const post = (token: string, body: unknown, workspaceId = world.workspace.id, id = draftId) =>
    runJson(budgetsRoute.action as never, new Request(at(workspaceId, id), { method: "POST", headers: headers(token), body: JSON.stringify(body) }), testContext(handle()), {
      workspaceId,
      draftId: id,
    });
  const audits = () => handle().db.selectFrom("audit_events").selectAll().where("action", "=", "draft.budgets_changed").where("target_id", "=", draftId).orderBy("id").execute();

  let world: Awaited<ReturnType<typeof buildWorkspace>>;
  let draftId: string;
  let lead: string;
  let partner: string;
  let elsewhere: string;
  const section = findTemplate("upr-joint")!.sections[1]!.id;

  beforeAll(async () => {
    const db = handle().db;
    world = await buildWorkspace(handle());
    lead = (await createOrganisation(db, world.workspace.id, { name: "Lead Coalition", acronym: "LC", confidential: false }))!.id;
    partner = (await createOrganisation(db, world.workspace.id, { name: "Shelter Partner", acronym: "SP", confidential: true }))!.id;
    const other = await buildWorkspace(handle());
    elsewhere = other.organisation.id;
    await upsertMembership(db, { workspaceId: world.workspace.id, userId: world.members.owner.id, role: "owner", organisationId: lead });
    await upsertMembership(db, { workspaceId: world.workspace.id, userId: world.members.editor.id, role: "editor", organisationId: partner });
    draftId = (await buildTemplatedDraft(handle(), { workspaceId: world.workspace.id, createdBy: world.members.owner.id, template: "upr-joint", stateUnderReview: "GHA" })).id;

    // The template's text (nobody's), then what each writer's own Y.Doc typed.
    const template = templateYDoc(findTemplate("upr-joint")!, { organisations: [lead, partner] });
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(template));
    const updates = [Y.encodeStateAsUpdate(template)];
    const writers = [
      { userId: world.members.owner.id, clientId: 11, text: "Torture persists in police detention." }, // 5
      { userId: world.members.editor.id, clientId: 22, text: "Legal aid reaches few detainees in the north." }, // 8
      { userId: world.members.editor.id, clientId: 23, text: "A second session, four more." }, // 5
    ];
    for (const writer of writers) {
      const doc = new Y.Doc();
      doc.clientID = writer.clientId;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(merged));
      const before = Y.encodeStateVector(doc);
      typeParagraph(doc, writer.text);
      const update = Y.encodeStateAsUpdate(doc, before);
      Y.applyUpdate(merged, update);
      updates.push(update);
    }
    await appendDraftUpdates(db, updates.map((update) => ({ draftId, update, userId: null })));
    await recordDraftClients(db, writers.map((w) => ({ draftId, clientId: w.clientId, userId: w.userId })));
    // A session whose words are all gone (typed and deleted): nothing of it to credit, not sent.
    await recordDraftClients(db, [{ draftId, clientId: 99, userId: world.members.owner.id }]);
    // Written a minute ago: the template's client, never recorded, is nobody's for good by now.
    await sql`update draft_updates set created_at = now() - interval '1 minute' where draft_id = ${draftId}`.execute(db);
  });

  it("lets the owner share the limit out, and shows every member the shares against the words their organisations wrote", async () => {
    const budgets: WordBudget[] = [
      { kind: "organisation", id: partner, words: 10 },
      { kind: "organisation", id: lead, words: 1200 },
      { kind: "section", id: section, words: 3000 },
    ];
    const saved = await post(world.members.owner.token, { budgets });
    expect(saved.status).toBe(200);
    const result = saved.body as BudgetsActionResult;
    expect(result.ok && result.budgets.map((b) => `${b.kind}:${b.words}`)).toEqual(["section:3000", ...(lead < partner ? ["organisation:1200", "organisation:10"] : ["organisation:10", "organisation:1200"])]);

    const read = await get(world.members.editor.token);
    expect(read.status).toBe(200);
    const view = read.body as BudgetsView;
    expect(view.limit).toBe(5630);
    expect(view.canManage).toBe(false);
    expect(view.yourOrganisation).toBe(partner);
    // The template's text came from a client nobody recorded: nobody's, not waiting to be named.
    const { "11": owner, "22": first, "23": second, ...rest } = view.clients;
    expect([owner, first, second]).toEqual([lead, partner, partner]);
    expect(Object.values(rest)).toEqual(["unknown"]);
    expect(view.organisations.find((o) => o.id === partner)).toEqual({ id: partner, label: "Shelter Partner (SP)", confidential: true });
    // The template's words are nobody's ("unknown"); every counted word is somewhere.
    expect(view.stored.organisations).toEqual({ [lead]: 5, [partner]: 13, unknown: view.stored.counted - 18 });
    // The partner's 13 words against its 10: 3 over; the lead well within its share.
    const rows = compareShares("organisation", view.budgets, new Map(Object.entries(view.stored.organisations)), view.stored.counted, view.limit);
    expect(sharesOver(rows)).toEqual([{ kind: "organisation", id: partner, budget: 10, used: 13, over: 3, left: 0 }]);
    expect(rows.at(-1)).toMatchObject({ id: null, budget: 5630 - 1210, used: view.stored.counted - 18 });
    expect((await get(world.members.owner.token)).body).toMatchObject({ canManage: true, yourOrganisation: lead });
  });

  it("serves the pages polling one draft from one read of it for a few seconds, and reads no document for a draft without budgets", async () => {
    const context = testContext(handle());
    const poll = async (query = "") =>
      (await runJson(budgetsRoute.loader as never, new Request(at(world.workspace.id, draftId) + query, { headers: headers(world.members.viewer.token) }), context, { workspaceId: world.workspace.id, draftId }))
        .body as BudgetsView;
    const first = await poll();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await poll()).stored.readAt).toBe(first.stored.readAt);
    // The Export dialog asks for a read made now.
    const fresh = await poll("?fresh=1");
    expect(Date.parse(fresh.stored.readAt)).toBeGreaterThan(Date.parse(first.stored.readAt));
    expect(fresh.stored.counted).toBe(first.stored.counted);

    const bare = await buildTemplatedDraft(handle(), { workspaceId: world.workspace.id, createdBy: world.members.owner.id, template: "upr-joint", stateUnderReview: "GHA" });
    const view = (await get(world.members.viewer.token, world.workspace.id, bare.id)).body as BudgetsView;
    expect(view).toMatchObject({ limit: 5630, budgets: [], clients: {}, stored: { counted: 0, organisations: {}, sections: {} } });
    expect(view.sections.map((s) => s.id)).toEqual(findTemplate("upr-joint")!.sections.map((s) => s.id));
  });

  it("leaves out a client that stored a change lately and is not recorded yet, so the browser counts its words as pending", async () => {
    const newcomer = new Y.Doc();
    newcomer.clientID = 77;
    const stored = await readStoredYDoc(handle().db, draftId, (doc) => Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(newcomer, stored);
    const before = Y.encodeStateVector(newcomer);
    typeParagraph(newcomer, "Typed just now by someone new.");
    await appendDraftUpdates(handle().db, [{ draftId, update: Y.encodeStateAsUpdate(newcomer, before), userId: null }]);
    const fresh = ((await get(world.members.owner.token)).body as BudgetsView).clients;
    expect(fresh["77"]).toBeUndefined();
    // Still unrecorded a while later: nobody's.
    await sql`update draft_updates set created_at = now() - interval '1 minute' where draft_id = ${draftId}`.execute(handle().db);
    expect(((await get(world.members.owner.token)).body as BudgetsView).clients["77"]).toBe("unknown");
  });

  it("audits each change by counts, never by which organisation got what", async () => {
    const rows = await audits();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: world.members.owner.id, target_type: "draft", workspace_id: world.workspace.id });
    const details = (typeof rows[0]!.details === "string" ? JSON.parse(rows[0]!.details) : rows[0]!.details) as Record<string, unknown>;
    expect(details).toMatchObject({ sections: 1, organisations: 2, organisationWords: 1210, sectionWords: 3000, limit: 5630 });
    expect(JSON.stringify(details)).not.toContain(partner);
    expect(describeAuditEvent(uiTranslator("en"), "draft.budgets_changed", details)).toBe(
      "set the word budgets of the draft “Submission on the State”: 2 shares by organisation, 1 share by section",
    );
  });

  it("refuses shares past the limit, unknown targets and bad numbers, and keeps the budgets as they were", async () => {
    const before = ((await get(world.members.owner.token)).body as BudgetsView).budgets;
    const over = await post(world.members.owner.token, { budgets: [{ kind: "organisation", id: lead, words: 5000 }, { kind: "organisation", id: partner, words: 631 }] });
    expect(over).toEqual({ status: 422, body: { ok: false, error: "The organisations' shares add up to 5,631 words: 1 word more than the limit of 5,630." } });
    const refusals = [
      [{ kind: "organisation", id: elsewhere, words: 10 }],
      [{ kind: "section", id: "no-such-section", words: 10 }],
      [{ kind: "section", id: lead, words: 10 }],
      [{ kind: "organisation", id: lead, words: 0 }],
      [{ kind: "organisation", id: lead, words: 12.5 }],
      [{ kind: "organisation", id: lead, words: 5 }, { kind: "organisation", id: lead, words: 6 }],
    ];
    for (const budgets of refusals) expect((await post(world.members.owner.token, { budgets })).status).toBe(422);
    expect((await post(world.members.owner.token, { budgets: [{ kind: "chapter", id: lead, words: 5 }] })).status).toBe(400);
    expect((await post(world.members.owner.token, "not budgets")).status).toBe(400);
    expect(((await get(world.members.owner.token)).body as BudgetsView).budgets).toEqual(before);
    expect(await audits()).toHaveLength(1);
  });

  it("answers 403 to members who are not owners and 404 to strangers", async () => {
    const budgets = [{ kind: "organisation", id: lead, words: 100 }];
    for (const role of ["editor", "reviewer", "viewer"] as const) expect((await post(world.members[role].token, { budgets })).status).toBe(403);
    const stranger = await buildUser(handle(), "Stranger");
    expect((await post(stranger.token, { budgets })).status).toBe(404);
    expect((await get(stranger.token)).status).toBe(404);
    // An owner of another workspace, asking through theirs or through this one.
    const other = await buildWorkspace(handle());
    expect((await get(other.members.owner.token, other.workspace.id)).status).toBe(404);
    expect((await post(other.members.owner.token, { budgets }, world.workspace.id)).status).toBe(404);
    expect(await audits()).toHaveLength(1);
  });

  it("clears the budgets with an empty list (audited), and refuses changes once the draft is submitted", async () => {
    expect(await post(world.members.owner.token, { budgets: [] })).toEqual({ status: 200, body: { ok: true, budgets: [] } });
    const rows = await audits();
    expect(rows).toHaveLength(2);
    const details = (typeof rows[1]!.details === "string" ? JSON.parse(rows[1]!.details) : rows[1]!.details) as Record<string, unknown>;
    expect(describeAuditEvent(uiTranslator("fr"), "draft.budgets_changed", details)).toContain("a supprimé les budgets de mots");
    await handle().db.updateTable("drafts").set({ status: "submitted" }).where("id", "=", draftId).execute();
    expect((await post(world.members.owner.token, { budgets: [{ kind: "organisation", id: lead, words: 100 }] })).status).toBe(409);
    await handle().db.updateTable("drafts").set({ status: "drafting" }).where("id", "=", draftId).execute();
  });
});
