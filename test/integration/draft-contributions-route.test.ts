import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import * as contributions from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.contributions";
import { countDocumentWords } from "../../core/checks/word-count";
import { BODY_FIELD, documentSchema } from "../../core/editor";
import { recordDraftClients } from "../../db/queries/draft-clients";
import { appendDraftUpdates } from "../../db/queries/draft-documents";
import { deleteMembership, upsertMembership } from "../../db/queries/memberships";
import { createOrganisation } from "../../db/queries/organisations";
import type { WordsByOrganisation } from "../../server/checks/words-by-organisation";
import { findTemplate, templateYDoc } from "../../templates";
import { describeEachDatabase } from "../db/test-database";
import { buildTemplatedDraft } from "../draft-content-factories";
import { addMember, buildUser, buildWorkspace } from "../factories";
import { makeRequest, testContext } from "../remix";

/** A paragraph as y-prosemirror stores it, typed by whoever owns the Y.Doc it is inserted in. */
function typeParagraph(doc: Y.Doc, text: string, note?: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  const children: Array<Y.XmlText | Y.XmlElement> = [new Y.XmlText(text)];
  if (note) {
    const footnote = new Y.XmlElement("footnote");
    footnote.setAttribute("id", "n-" + text.length);
    footnote.insert(0, [new Y.XmlText(note)]);
    children.push(footnote);
  }
  paragraph.insert(0, children);
  const body = doc.getXmlFragment(BODY_FIELD);
  body.insert(body.length, [paragraph]);
}

// Who wrote how much of a joint submission, by organisation (the Checks tab's "Words by
// organisation"). The collab test covers how client ids get recorded; here they are recorded
// directly and the route is read the way the browser fetches it.
const GROUPS = new Set(["former-member", "no-organisation", "unknown"]);

describeEachDatabase("the draft contributions route", (handle) => {
  const at = (workspaceId: string, draftId: string) => `/workspaces/${workspaceId}/drafts/${draftId}/contributions`;
  /** The loader's own Response, thrown or returned: its status, Cache-Control and JSON body. */
  const get = async (token: string, workspaceId: string, draftId: string) => {
    let response: Response;
    try {
      response = await contributions.loader({ request: makeRequest(at(workspaceId, draftId), { token }), context: testContext(handle()), params: { workspaceId, draftId } });
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      response = thrown;
    }
    const json = response.headers.get("content-type")?.includes("application/json");
    return { status: response.status, cacheControl: response.headers.get("cache-control"), body: json ? ((await response.json()) as unknown) : await response.text() };
  };
  let world: Awaited<ReturnType<typeof buildWorkspace>>;
  let draftId: string;
  let counted: number;

  beforeAll(async () => {
    const db = handle().db;
    world = await buildWorkspace(handle());
    const amnesty = (await createOrganisation(db, world.workspace.id, { name: "Amnesty Ghana", acronym: "AG", confidential: false }))!;
    const clinic = (await createOrganisation(db, world.workspace.id, { name: "Legal Aid Clinic", acronym: "LAC", confidential: true }))!;
    const quiet = (await createOrganisation(db, world.workspace.id, { name: "Quiet Partner", acronym: "", confidential: false }))!;
    await upsertMembership(db, { workspaceId: world.workspace.id, userId: world.members.owner.id, role: "owner", organisationId: amnesty.id });
    await upsertMembership(db, { workspaceId: world.workspace.id, userId: world.members.editor.id, role: "editor", organisationId: clinic.id });
    const unaffiliated = await addMember(handle(), world.workspace.id, "editor");
    // Someone who wrote and then left; they belong to a confidential organisation elsewhere,
    // which must never be named here.
    const leaver = await addMember(handle(), world.workspace.id, "editor");
    const elsewhere = await buildWorkspace(handle());
    const secret = (await createOrganisation(db, elsewhere.workspace.id, { name: "Secret Shelter", acronym: "SS", confidential: true }))!;
    await upsertMembership(db, { workspaceId: elsewhere.workspace.id, userId: leaver.id, role: "editor", organisationId: secret.id });

    const draft = await buildTemplatedDraft(handle(), { workspaceId: world.workspace.id, createdBy: world.members.owner.id, template: "upr-joint", stateUnderReview: "GHA" });
    draftId = draft.id;
    // The first snapshot, as the new-draft action writes it: the template's text is nobody's.
    const template = templateYDoc(findTemplate("upr-joint")!, { organisations: [amnesty.id, clinic.id, quiet.id] });
    const writers = [
      { user: world.members.owner, clientId: 11, text: "Torture persists in police detention.", note: "Official Gazette, p. 4." },
      { user: world.members.editor, clientId: 22, text: "Legal aid reaches few detainees." },
      { user: world.members.editor, clientId: 23, text: "A second session of the same editor." },
      { user: unaffiliated, clientId: 33, text: "Three more words." },
      { user: leaver, clientId: 44, text: "Written before leaving." },
    ];
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(template));
    const updates = [Y.encodeStateAsUpdate(template)];
    for (const writer of writers) {
      const doc = new Y.Doc();
      doc.clientID = writer.clientId;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(merged));
      const before = Y.encodeStateVector(doc);
      typeParagraph(doc, writer.text, writer.note);
      const update = Y.encodeStateAsUpdate(doc, before);
      Y.applyUpdate(merged, update);
      updates.push(update);
    }
    await appendDraftUpdates(db, updates.map((update) => ({ draftId, update, userId: null })));
    await recordDraftClients(db, writers.map((w) => ({ draftId, clientId: w.clientId, userId: w.user.id })));
    await deleteMembership(db, leaver.membershipId);
    counted = countDocumentWords(yXmlFragmentToProseMirrorRootNode(merged.getXmlFragment(BODY_FIELD), documentSchema()), { footnotes: true, headings: true, tables: true }).counted;
  });

  it("gives a member the counted words by organisation, confidential ones marked, most words first", async () => {
    const outcome = await get(world.members.viewer.token, world.workspace.id, draftId);
    expect(outcome.status).toBe(200);
    expect(outcome.cacheControl).toBe("private, no-store");
    const body = outcome.body as WordsByOrganisation;
    expect(body.counted).toBe(counted);
    expect(body.counts).toEqual({ footnotes: true, headings: true, tables: true });
    // The groups without an organisation carry their kind; the page names them in the reader's language.
    const rows = body.rows.map(({ kind, label, words, confidential }) => ({ label: kind === "organisation" ? label : kind, words, confidential }));
    // Every row from the template text and starter headings, which nobody typed.
    const template = counted - (5 + 4) - (5 + 7) - 3 - 3;
    expect(rows).toEqual(
      [
        { label: "unknown", words: template, confidential: false },
        { label: "Legal Aid Clinic (LAC)", words: 12, confidential: true },
        { label: "Amnesty Ghana (AG)", words: 9, confidential: false },
        { label: "former-member", words: 3, confidential: false },
        { label: "no-organisation", words: 3, confidential: false },
        // On the cover, nothing written yet: listed so the coordinator sees it.
        { label: "Quiet Partner", words: 0, confidential: false },
      ].sort((a, b) => b.words - a.words || Number(GROUPS.has(a.label)) - Number(GROUPS.has(b.label)) || a.label.localeCompare(b.label)),
    );
    expect(body.rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 10);
    expect(JSON.stringify(body)).not.toContain("Secret Shelter");
    expect(Number.isNaN(Date.parse(body.readAt))).toBe(false);
  });

  it("answers 404 to a stranger, and to a member asking through another workspace", async () => {
    const stranger = await buildUser(handle(), "Stranger");
    expect((await get(stranger.token, world.workspace.id, draftId)).status).toBe(404);
    const other = await buildWorkspace(handle());
    expect((await get(other.members.owner.token, other.workspace.id, draftId)).status).toBe(404);
    expect((await get(other.members.owner.token, world.workspace.id, draftId)).status).toBe(404);
  });
});
