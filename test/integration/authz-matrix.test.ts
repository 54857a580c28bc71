import { createHash } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { Ability, Role } from "../../core/policies";
import { createDraft } from "../../db/queries/drafts";
import { createExport } from "../../db/queries/exports";
import { createInvitation } from "../../db/queries/invitations";
import { createOrganisation } from "../../db/queries/organisations";
import { insertSuggestionThread } from "../../db/queries/suggestions";
import * as layout from "../../app/routes/workspaces.$workspaceId";
import * as draftsIndex from "../../app/routes/workspaces.$workspaceId._index";
import * as draftPage from "../../app/routes/workspaces.$workspaceId.drafts.$draftId";
import * as newDraft from "../../app/routes/workspaces.$workspaceId.drafts.new";
import * as draftChecks from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.checks";
import * as draftContributions from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.contributions";
import * as organisations from "../../app/routes/workspaces.$workspaceId.organisations";
import * as members from "../../app/routes/workspaces.$workspaceId.members";
import * as audit from "../../app/routes/workspaces.$workspaceId.audit";
import * as settings from "../../app/routes/workspaces.$workspaceId.settings";
import * as library from "../../app/routes/workspaces.$workspaceId.library";
import * as librarySearch from "../../app/routes/workspaces.$workspaceId.library_.search";
import * as libraryRecords from "../../app/routes/workspaces.$workspaceId.library_.records";
import * as librarySources from "../../app/routes/workspaces.$workspaceId.library_.sources";
import * as libraryImport from "../../app/routes/workspaces.$workspaceId.library_.import";
import * as libraryExport from "../../app/routes/workspaces.$workspaceId.library_.export.$file";
import * as draftComments from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.comments";
import * as draftStatus from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.status";
import * as draftExport from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.export";
import * as draftSubmit from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.submit";
import * as draftReopen from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.reopen";
import * as storedExport from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.exports.$exportId";
import * as notifications from "../../app/routes/workspaces.$workspaceId.notifications";
import * as wordFile from "../../app/routes/workspaces.$workspaceId.drafts.import";
import * as draftVersions from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.versions";
import * as versionPage from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.versions_.$versionId";
import * as comparePage from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.compare";
import * as draftBudgets from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.budgets";
import * as draftSignOff from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.sign-off";
import * as endSession from "../../app/routes/account_.sessions";
import * as offlineCopies from "../../app/routes/account_.offline-copies";
import { hashToken } from "../../server/auth/tokens";
import * as accountTwoStep from "../../app/routes/account_.two-step";
import * as passkeyRegistration from "../../app/routes/account_.two-step_.passkey";
import * as loginTwoStep from "../../app/routes/login_.two-step";
import * as loginPasskey from "../../app/routes/login_.passkey";
import { recordStoredVersion } from "../../server/versions/moments";
import { handTypedDocx } from "../fixtures/import/other-tools";
import { uploadRequest } from "./library-requests";
import { describeEachDatabase } from "../db/test-database";
import { addMember, buildUser, buildWorkspace, type TestUser } from "../factories";
import { makeRequest, ORIGIN, run, runJson, testContext, type TestContext } from "../remix";

type Actor = Role | "stranger" | "signed-out";
const ACTORS: Actor[] = ["owner", "editor", "reviewer", "viewer", "stranger", "signed-out"];

/** What each role may do, written out from docs/design.md §5 rather than read from the policy. */
const ALLOWED: Record<Ability, Role[]> = {
  read: ["owner", "editor", "reviewer", "viewer"],
  comment: ["owner", "editor", "reviewer"],
  edit: ["owner", "editor"],
  export: ["owner", "editor", "reviewer", "viewer"],
  manage: ["owner"],
};

interface World {
  context: TestContext;
  workspaceId: string;
  draftId: string;
  organisationId: string;
  users: Record<Role | "stranger", TestUser>;
}

interface Endpoint {
  name: string;
  ability: Ability;
  kind: "loader" | "action";
  /** Statuses that mean "let through" when not the default (page 200, action 200 or redirect). */
  allowed?: number[];
  /** Builds a fresh target for mutating endpoints so every case acts on its own rows. */
  call: (world: World, token: string | undefined) => Promise<{ status: number; location: string | null }>;
}

const path = (w: World, rest = "") => `/workspaces/${w.workspaceId}${rest}`;
const params = (w: World) => ({ workspaceId: w.workspaceId, draftId: w.draftId });

/** A JSON POST as the editor sends suggestion intents. */
const jsonPost = (w: World, rest: string, token: string | undefined, body: unknown) => {
  const headers = new Headers({ origin: ORIGIN, "content-type": "application/json" });
  if (token) headers.set("cookie", `caucus_session=${token}`);
  return new Request(`${ORIGIN}${path(w, rest)}`, { method: "POST", headers, body: JSON.stringify(body) });
};

const postMembers = (w: World, token: string | undefined, form: Record<string, string>) =>
  run(members.action, makeRequest(path(w, "/members"), { token, form }), w.context, params(w));

/** A GET of a page or resource route as `token`'s holder: `rest` after the workspace's path. */
const getRow = (name: string, ability: Ability, loader: Parameters<typeof run>[0], rest: string | ((w: World) => string)): Endpoint => ({
  name,
  ability,
  kind: "loader",
  call: (w, token) => run(loader, makeRequest(path(w, typeof rest === "string" ? rest : rest(w)), { token }), w.context, params(w)),
});

let wordBytes: Promise<Uint8Array> | undefined;
/** A small Word file for the Word-file rows, built once. */
const wordUpload = async () => new File([(await (wordBytes ??= handTypedDocx())) as Uint8Array<ArrayBuffer>], "submission.docx");

/** A viewer added just for one case, so mutating cases never act on each other's rows. */
async function freshViewer(w: World): Promise<string> {
  const member = await addMember({ db: w.context.db, kind: w.context.databaseKind, close: async () => {} }, w.workspaceId, "viewer");
  return member.membershipId;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: "workspace layout",
    ability: "read",
    kind: "loader",
    call: (w, token) => run(layout.loader, makeRequest(path(w), { token }), w.context, params(w)),
  },
  {
    name: "drafts list",
    ability: "read",
    kind: "loader",
    call: (w, token) => run(draftsIndex.loader, makeRequest(path(w), { token }), w.context, params(w)),
  },
  getRow("new draft page (template gallery)", "edit", newDraft.loader, "/drafts/new"),
  {
    name: "create draft",
    ability: "edit",
    kind: "action",
    call: (w, token) =>
      run(
        newDraft.action,
        makeRequest(path(w, "/drafts/new"), { token, form: { title: "Parallel report", template: "cescr-session", stateUnderReview: "CHN", deadline: "" } }),
        w.context,
        params(w),
      ),
  },
  getRow("draft page", "read", draftPage.loader, (w) => `/drafts/${w.draftId}`),
  getRow("draft checks (export screen)", "read", draftChecks.loader, (w) => `/drafts/${w.draftId}/checks`),
  getRow("words by organisation", "read", draftContributions.loader, (w) => `/drafts/${w.draftId}/contributions`),
  getRow("organisations list", "read", organisations.loader, "/organisations"),
  {
    name: "add organisation",
    ability: "manage",
    kind: "action",
    call: (w, token) =>
      run(
        organisations.action,
        makeRequest(path(w, "/organisations"), {
          token,
          form: { intent: "add-organisation", name: `Org ${Math.random()}`, acronym: "X" },
        }),
        w.context,
        params(w),
      ),
  },
  {
    name: "remove organisation",
    ability: "manage",
    kind: "action",
    call: (w, token) =>
      run(
        organisations.action,
        makeRequest(path(w, "/organisations"), { token, form: { intent: "remove-organisation", organisationId: w.organisationId } }),
        w.context,
        params(w),
      ),
  },
  getRow("members page", "manage", members.loader, "/members"),
  {
    name: "invite",
    ability: "manage",
    kind: "action",
    call: (w, token) =>
      postMembers(w, token, { intent: "invite", email: `new.${Math.random().toString(36).slice(2)}@example.org`, role: "reviewer", organisationId: "" }),
  },
  {
    name: "change member role",
    ability: "manage",
    kind: "action",
    call: async (w, token) =>
      postMembers(w, token, { intent: "update-member", membershipId: await freshViewer(w), role: "editor", organisationId: "" }),
  },
  {
    name: "remove member",
    ability: "manage",
    kind: "action",
    call: async (w, token) => postMembers(w, token, { intent: "remove-member", membershipId: await freshViewer(w) }),
  },
  {
    name: "revoke invitation",
    ability: "manage",
    kind: "action",
    call: async (w, token) => {
      const invitation = await createInvitation(w.context.db, {
        workspaceId: w.workspaceId,
        email: "pending@example.org",
        role: "viewer",
        organisationId: null,
        tokenHash: Math.random().toString(36),
        invitedBy: w.users.owner.id,
        expiresAt: new Date(Date.now() + 60_000),
      });
      return postMembers(w, token, { intent: "revoke-invitation", invitationId: invitation.id });
    },
  },
  getRow("settings page", "manage", settings.loader, "/settings"),
  {
    name: "rename workspace",
    ability: "manage",
    kind: "action",
    call: (w, token) =>
      run(settings.action, makeRequest(path(w, "/settings"), { token, form: { intent: "update-workspace", name: "Renamed coalition", description: "" } }), w.context, params(w)),
  },
  {
    // A wrong confirmation keeps the shared workspace alive for the other cases; the guard runs first.
    name: "delete workspace (unconfirmed)",
    ability: "manage",
    kind: "action",
    allowed: [400],
    call: (w, token) =>
      run(settings.action, makeRequest(path(w, "/settings"), { token, form: { intent: "delete-workspace", confirmName: "no" } }), w.context, params(w)),
  },
  getRow("audit log", "manage", audit.loader, "/audit"),
  getRow("library page", "read", library.loader, "/library"),
  getRow("library search (editor panel)", "read", librarySearch.loader, "/library/search?q=torture"),
  getRow("library records (changed since)", "read", libraryRecords.loader, "/library/records?id=00000000-0000-4000-8000-000000000000"),
  getRow("library sources (citation picker)", "read", librarySources.loader, "/library/sources?q=A%2FHRC"),
  {
    name: "add a source to the coalition library",
    ability: "edit",
    kind: "action",
    call: (w, token) =>
      run(librarySources.action, makeRequest(path(w, "/library/sources"), { token, form: { intent: "ensure-symbol", symbol: "A/HRC/25/5" } }), w.context, params(w)),
  },
  getRow("library import page", "edit", libraryImport.loader, "/library/import"),
  getRow("Word file page (check or import)", "read", wordFile.loader, "/drafts/import"),
  {
    name: "check a Word file",
    ability: "read",
    kind: "action",
    call: async (w, token) => run(wordFile.action, uploadRequest(path(w, "/drafts/import"), { token, fields: { intent: "check", template: "upr-joint" }, file: await wordUpload() }), w.context, params(w)),
  },
  {
    name: "import a Word file as a draft",
    ability: "edit",
    kind: "action",
    call: async (w, token) =>
      run(wordFile.action, uploadRequest(path(w, "/drafts/import"), { token, fields: { intent: "import", template: "upr-joint", stateUnderReview: "GHA" }, file: await wordUpload() }), w.context, params(w)),
  },
  {
    name: "library export",
    ability: "export",
    kind: "loader",
    call: (w, token) => run(libraryExport.loader, makeRequest(path(w, "/library/export/sources.json"), { token }), w.context, { ...params(w), file: "sources.json" }),
  },
  getRow("draft comments (Comments tab)", "read", draftComments.loader, (w) => `/drafts/${w.draftId}/comments`),
  {
    name: "open a comment thread",
    ability: "comment",
    kind: "action",
    call: (w, token) =>
      run(
        draftComments.action,
        makeRequest(path(w, `/drafts/${w.draftId}/comments`), {
          token,
          form: { intent: "create-thread", "anchor.start": "AQID", "anchor.end": "BAUG", "anchor.quote": "housing", body: "A point" },
        }),
        w.context,
        params(w),
      ),
  },
  {
    name: "suggest a change",
    ability: "comment",
    kind: "action",
    call: (w, token) => {
      const change = { anchor: { start: "AQID", end: "BAUG", quote: "should" }, deleted: "should", insert: { content: [{ type: "text", text: "must" }] } };
      return run(draftComments.action, jsonPost(w, `/drafts/${w.draftId}/comments`, token, { intent: "suggest", change }), w.context, params(w));
    },
  },
  {
    // A fresh suggestion per case: accepting closes it.
    name: "accept a suggestion",
    ability: "edit",
    kind: "action",
    call: async (w, token) => {
      const { threadId } = await insertSuggestionThread(w.context.db, {
        draftId: w.draftId,
        workspaceId: w.workspaceId,
        anchor: { start: "AQID", end: "AQID", quote: "" },
        deleted: "",
        insert: { content: [{ type: "text", text: "also" }] },
        authorId: w.users.reviewer.id,
        authorName: "Reviewer",
        organisationId: null,
        imported: false,
      });
      const decide = { intent: "decide-suggestions", decision: "accept", items: [{ threadId, revision: 0 }] };
      return run(draftComments.action, jsonPost(w, `/drafts/${w.draftId}/comments`, token, decide), w.context, params(w));
    },
  },
  {
    // Back to drafting, where the draft already is: the guard runs, nothing changes.
    name: "set draft status",
    ability: "edit",
    kind: "action",
    call: (w, token) =>
      run(draftStatus.action, makeRequest(path(w, `/drafts/${w.draftId}/status`), { token, form: { intent: "set-status", status: "drafting" } }), w.context, params(w)),
  },
  getRow("export the draft (Word download)", "export", draftExport.loader, (w) => `/drafts/${w.draftId}/export?format=docx`),
  {
    name: "download a stored submitted file",
    ability: "export",
    kind: "loader",
    call: async (w, token) => {
      const bytes = Buffer.from("%PDF-1.7 stored for the matrix");
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const stored = await createExport(w.context.db, { draftId: w.draftId, workspaceId: w.workspaceId, format: "pdf", fileName: "matrix.pdf", sha256, bytes, createdBy: w.users.owner.id, createdByName: "Owner", contentSha256: sha256 });
      return run(storedExport.loader, makeRequest(path(w, `/drafts/${w.draftId}/exports/${stored.id}`), { token }), w.context, { ...params(w), exportId: stored.id });
    },
  },
  {
    // A fresh draft per case: a submitted draft would change what the other rows may do to it.
    name: "mark a draft as submitted",
    ability: "edit",
    kind: "action",
    call: async (w, token) => {
      const draft = await createDraft(w.context.db, { workspace_id: w.workspaceId, title: "Submitted copy", mechanism: "UPR", state_under_review: "GHA", created_by: w.users.owner.id });
      const form = { intent: "submit", format: "docx" };
      return run(draftSubmit.action, makeRequest(path(w, `/drafts/${draft.id}/submit`), { token, form }), w.context, { workspaceId: w.workspaceId, draftId: draft.id });
    },
  },
  {
    // A fresh submitted draft per case: reopening changes it.
    name: "reopen a submitted draft for a correction",
    ability: "manage",
    kind: "action",
    call: async (w, token) => {
      const draft = await createDraft(w.context.db, { workspace_id: w.workspaceId, title: "Submitted, to correct", mechanism: "UPR", state_under_review: "GHA", created_by: w.users.owner.id });
      await w.context.db.updateTable("drafts").set({ status: "submitted" }).where("id", "=", draft.id).execute();
      return run(draftReopen.action, makeRequest(path(w, `/drafts/${draft.id}/reopen`), { token, form: { intent: "reopen" } }), w.context, { workspaceId: w.workspaceId, draftId: draft.id });
    },
  },
  // Issue 21: history, versions, compare, restore, word budgets, sign-off.
  getRow("history list", "read", draftVersions.loader, (w) => `/drafts/${w.draftId}/versions`),
  {
    name: "name the current version",
    ability: "edit",
    kind: "action",
    call: (w, token) => run(draftVersions.action, makeRequest(path(w, `/drafts/${w.draftId}/versions`), { token, form: { intent: "name", name: "Matrix" } }), w.context, params(w)),
  },
  {
    name: "open a version",
    ability: "read",
    kind: "loader",
    call: async (w, token) => {
      const version = await recordStoredVersion(w.context.db, w.draftId, { kind: "named", actorId: w.users.owner.id, name: "Open me" });
      return run(versionPage.loader, makeRequest(path(w, `/drafts/${w.draftId}/versions/${version!.id}`), { token }), w.context, { ...params(w), versionId: version!.id });
    },
  },
  {
    name: "compare a version with now",
    ability: "read",
    kind: "loader",
    call: async (w, token) => {
      const version = await recordStoredVersion(w.context.db, w.draftId, { kind: "named", actorId: w.users.owner.id, name: "Compare me" });
      return run(comparePage.loader, makeRequest(path(w, `/drafts/${w.draftId}/compare?from=${version!.id}&to=now`), { token }), w.context, params(w));
    },
  },
  {
    name: "restore a version",
    ability: "edit",
    kind: "action",
    call: async (w, token) => {
      const version = await recordStoredVersion(w.context.db, w.draftId, { kind: "named", actorId: w.users.owner.id, name: "Restore me" });
      return run(draftVersions.action, makeRequest(path(w, `/drafts/${w.draftId}/versions`), { token, form: { intent: "restore", versionId: version!.id } }), w.context, params(w));
    },
  },
  getRow("word budgets", "read", draftBudgets.loader, (w) => `/drafts/${w.draftId}/budgets`),
  {
    // A fresh draft from a template per case: budgets need the template's limit.
    name: "set word budgets",
    ability: "manage",
    kind: "action",
    call: async (w, token) => {
      const draft = await createDraft(w.context.db, { workspace_id: w.workspaceId, title: "Budgeted", mechanism: "UPR", state_under_review: "GHA", template_slug: "upr-joint", created_by: w.users.owner.id });
      // Its own organisation: "remove organisation" above removes the world's.
      const organisation = await createOrganisation(w.context.db, w.workspaceId, { name: `Partner ${Math.random()}`, acronym: "P", confidential: false });
      const budgets = [{ kind: "organisation", id: organisation!.id, words: 600 }];
      return run(draftBudgets.action, jsonPost(w, `/drafts/${draft.id}/budgets`, token, { budgets }), w.context, { workspaceId: w.workspaceId, draftId: draft.id });
    },
  },
  getRow("sign-off state", "read", draftSignOff.loader, (w) => `/drafts/${w.draftId}/sign-off`),
  {
    name: "ask for sign-off",
    ability: "manage",
    kind: "action",
    call: (w, token) => run(draftSignOff.action, makeRequest(path(w, `/drafts/${w.draftId}/sign-off`), { token, form: { intent: "request", name: "For sign-off" } }), w.context, params(w)),
  },
  {
    name: "require two-step sign-in",
    ability: "manage",
    kind: "action",
    // Unchecked: the requirement stays off, so the other rows still open drafts.
    call: (w, token) => run(settings.action, makeRequest(path(w, "/settings"), { token, form: { intent: "require-two-step" } }), w.context, params(w)),
  },
  getRow("notifications page", "read", notifications.loader, "/notifications"),
  {
    name: "mark notifications read",
    ability: "read",
    kind: "action",
    call: (w, token) => run(notifications.action, makeRequest(path(w, "/notifications"), { token, form: { intent: "mark-all-read" } }), w.context, params(w)),
  },
];

function expectedStatus(endpoint: Endpoint, actor: Actor): number[] {
  if (actor === "signed-out") return [302];
  if (actor === "stranger") return [404];
  if (!ALLOWED[endpoint.ability].includes(actor)) return [403];
  // Allowed: a page renders, or an action redirects to its result.
  return endpoint.allowed ?? (endpoint.kind === "loader" ? [200] : [200, 302]);
}

describeEachDatabase("authorisation matrix", (handle) => {
  let world: World;
  beforeAll(async () => {
    const built = await buildWorkspace(handle());
    // The stranger owns a workspace of their own: ownership elsewhere must grant nothing here.
    const stranger = await buildUser(handle(), "Stranger");
    await buildWorkspace(handle()).then(async (other) => {
      await addMember(handle(), other.workspace.id, "viewer");
    });
    const { createWorkspace } = await import("../../db/queries/workspaces");
    await createWorkspace(handle().db, { name: "Stranger's coalition", description: "", ownerId: stranger.id });
    world = {
      context: testContext(handle()),
      workspaceId: built.workspace.id,
      draftId: built.draft.id,
      organisationId: built.organisation.id,
      users: { ...built.members, stranger },
    };
  });

  for (const endpoint of ENDPOINTS) {
    for (const actor of ACTORS) {
      const expected = expectedStatus(endpoint, actor);
      it(`${endpoint.kind} ${endpoint.name} × ${actor} → ${expected.join(" or ")}`, async () => {
        const token = actor === "signed-out" ? undefined : world.users[actor].token;
        const outcome = await endpoint.call(world, token);
        expect(expected).toContain(outcome.status);
        if (actor === "signed-out") expect(outcome.location).toMatch(/^\/login\?redirectTo=/);
      });
    }
  }

  // Account-level routes act on the person's own things only: no role applies.
  it("account routes: signed out → sign-in; another person's session → 404; a stranger learns no draft", async () => {
    const end = (token: string | undefined, sessionId: string) =>
      run(endSession.action, makeRequest("/account/sessions", { token, form: { intent: "sign-out-device", sessionId } }), world.context);
    expect((await end(undefined, hashToken(world.users.owner.token))).location).toMatch(/^\/login\?redirectTo=/);
    expect((await end(world.users.stranger.token, hashToken(world.users.owner.token))).status).toBe(404);
    const ask = (token: string | undefined) => run(offlineCopies.action, makeRequest("/account/offline-copies", { token, form: { draftId: world.draftId } }), world.context);
    expect((await ask(undefined)).location).toMatch(/^\/login\?redirectTo=/);
    const stranger = await runJson(offlineCopies.action, makeRequest("/account/offline-copies", { token: world.users.stranger.token, form: { draftId: world.draftId } }), world.context);
    expect(stranger).toEqual({ status: 200, body: { ok: true, readable: [] } });
  });

  // Two-step sign-in (issue 22): the account's own pages need a session; the sign-in steps need
  // the pending sign-in's cookie instead, and without it send the person back to the password.
  const accountRows: { name: string; call: (token: string | undefined) => Promise<{ status: number; location: string | null }>; signedIn: number[] }[] = [
    { name: "two-step settings page", call: (token) => run(accountTwoStep.loader, makeRequest("/account/two-step", { token }), world.context), signedIn: [200] },
    { name: "make recovery codes", call: (token) => run(accountTwoStep.action, makeRequest("/account/two-step", { token, form: { intent: "regenerate-codes" } }), world.context), signedIn: [409] },
    { name: "passkey registration options", call: (token) => run(passkeyRegistration.action, makeRequest("/account/two-step/passkey", { token, form: {} }), world.context), signedIn: [200] },
  ];
  for (const row of accountRows) {
    it(`account ${row.name} × signed-out → 302, × signed-in → ${row.signedIn.join(" or ")}`, async () => {
      const out = await row.call(undefined);
      expect(out.status).toBe(302);
      expect(out.location).toMatch(/^\/login\?redirectTo=/);
      // A fresh person each time: the viewer's account must not gain codes from the matrix.
      const person = await buildUser(handle());
      expect(row.signedIn).toContain((await row.call(person.token)).status);
    });
  }

  it("sends the second step without a pending sign-in back to /login, and refuses passkey answers without a challenge", async () => {
    const token = world.users.owner.token;
    const page = await run(loginTwoStep.loader, makeRequest("/login/two-step"), world.context);
    expect(page.location).toBe("/login");
    const finish = await run(loginTwoStep.action, makeRequest("/login/two-step", { token, form: { intent: "totp", code: "123456" } }), world.context);
    expect(finish.location).toBe("/login");
    const options = await run(loginPasskey.action, makeRequest("/login/passkey", { form: { intent: "options", mode: "second-step" } }), world.context);
    expect(options.status).toBe(410);
    const verify = await run(loginPasskey.action, makeRequest("/login/passkey", { form: { intent: "verify", response: JSON.stringify({ id: "x", response: {} }) } }), world.context);
    expect(verify.status).toBe(410);
    expect((await run(loginPasskey.loader, makeRequest("/login/passkey"), world.context)).status).toBe(404);
  });

  it("answers 404 for a draft reached through another workspace the user owns", async () => {
    const other = await buildWorkspace(handle());
    const outcome = await run(
      draftPage.loader,
      makeRequest(`/workspaces/${other.workspace.id}/drafts/${world.draftId}`, { token: other.members.owner.token }),
      world.context,
      { workspaceId: other.workspace.id, draftId: world.draftId },
    );
    expect(outcome.status).toBe(404);
  });

  it("answers 404, not a database error, for malformed ids", async () => {
    const token = world.users.owner.token;
    const bad = await run(layout.loader, makeRequest("/workspaces/not-a-uuid", { token }), world.context, { workspaceId: "not-a-uuid" });
    expect(bad.status).toBe(404);
    const badDraft = await run(draftPage.loader, makeRequest("/x", { token }), world.context, { workspaceId: world.workspaceId, draftId: "1 or 1=1" });
    expect(badDraft.status).toBe(404);
  });
});
