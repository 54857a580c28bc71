import { sql } from "kysely";
import { describeAuditEvent } from "../../app/components/audit/describe-event";
import { ENGLISH } from "../i18n/english";
import { beforeAll, expect, it } from "vitest";
import * as auditPage from "../../app/routes/workspaces.$workspaceId.audit";
import * as layout from "../../app/routes/workspaces.$workspaceId";
import * as draftsIndex from "../../app/routes/workspaces.$workspaceId._index";
import * as status from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.status";
import * as notifications from "../../app/routes/workspaces.$workspaceId.notifications";
import { loadDraftStatusControl } from "../../server/review/status";
import { findDraft } from "../../db/queries/drafts";
import { describeEachDatabase } from "../db/test-database";
import { buildUser, buildWorkspace } from "../factories";
import { makeRequest, run } from "../remix";
import { ANCHOR, draftParams, postIntent, recordingContext, runJson, type Built } from "./review-requests";

type DraftRow = { id: string; status: string; openThreads: number; awaitingMyReview: boolean };
type NotificationItem = { kind: string; actor: string; draftTitle: string; href: string; excerpt: string | null; unread: boolean };

// Sending a draft for review (the status route), the reviewers' notifications and the drafts
// list that shows open threads and what waits for each person's review.
describeEachDatabase("review status and notifications", (handle) => {
  let w: Built;
  beforeAll(async () => {
    w = await buildWorkspace(handle());
  });

  const setStatus = (context: ReturnType<typeof recordingContext>["context"], token: string | undefined, form: Record<string, string | string[]>, target = w) =>
    runJson(status.action, makeRequest(`/workspaces/${target.workspace.id}/drafts/${target.draft.id}/status`, { token, form }), context, draftParams(target));
  const draftsFor = async (token: string, target = w) =>
    ((await run(draftsIndex.loader, makeRequest(`/workspaces/${target.workspace.id}`, { token }), recordingContext(handle()).context, { workspaceId: target.workspace.id })).body as { drafts: DraftRow[] }).drafts;
  const notificationsFor = async (token: string, target = w) =>
    ((await run(notifications.loader, makeRequest(`/workspaces/${target.workspace.id}/notifications`, { token }), recordingContext(handle()).context, { workspaceId: target.workspace.id })).body as { notifications: NotificationItem[] }).notifications;
  const unreadFor = async (token: string, target = w) =>
    ((await run(layout.loader, makeRequest(`/workspaces/${target.workspace.id}`, { token }), recordingContext(handle()).context, { workspaceId: target.workspace.id })).body as { unreadNotifications: number }).unreadNotifications;

  const statusAudit = async (target: Built) =>
    (await handle().db.selectFrom("audit_events").selectAll().where("workspace_id", "=", target.workspace.id).where("action", "like", "draft.%").where("action", "!=", "draft.created").orderBy("id").execute()).map(
      (e) => ({ action: e.action, actor: e.actor_id, target: [e.target_type, e.target_id], details: e.details }),
    );
  const auditLines = async (target: Built) =>
    ((await run(auditPage.loader, makeRequest(`/workspaces/${target.workspace.id}/audit`, { token: target.members.owner.token }), recordingContext(handle()).context, { workspaceId: target.workspace.id })).body as {
      events: Array<{ actor: string; action: string; details: Record<string, unknown> }>;
    }).events.map((e) => `${e.actor} ${describeAuditEvent(ENGLISH, e.action, e.details)}`);

  it("needs at least one reviewer who can comment, and changes nothing otherwise", async () => {
    const { context, announced } = recordingContext(handle());
    const token = w.members.editor.token;
    const none = await setStatus(context, token, { intent: "set-status", status: "in_review" });
    expect(none.status).toBe(400);
    expect(none.body).toEqual({ ok: false, error: "Choose at least one reviewer to send the draft for review." });
    const viewer = await setStatus(context, token, { intent: "set-status", status: "in_review", reviewerIds: w.members.viewer.id });
    expect(viewer.status).toBe(400);
    const outsider = await buildUser(handle(), "Outsider");
    expect((await setStatus(context, token, { intent: "set-status", status: "in_review", reviewerIds: outsider.id })).status).toBe(400);
    const submit = await setStatus(context, token, { intent: "set-status", status: "submitted", reviewerIds: w.members.reviewer.id });
    expect(submit.status).toBe(400);
    expect((submit.body as { error: string }).error).toMatch(/submitting a draft is a separate step/);
    expect((await findDraft(handle().db, w.draft.id))?.status).toBe("drafting");
    expect(announced).toEqual([]);
  });

  it("refuses reviewers and viewers (403) and strangers (404)", async () => {
    const { context } = recordingContext(handle());
    const form = { intent: "set-status", status: "in_review", reviewerIds: w.members.reviewer.id };
    expect((await setStatus(context, w.members.reviewer.token, form)).status).toBe(403);
    expect((await setStatus(context, w.members.viewer.token, form)).status).toBe(403);
    const stranger = await buildUser(handle(), "Stranger");
    expect((await setStatus(context, stranger.token, form)).status).toBe(404);
    expect((await findDraft(handle().db, w.draft.id))?.status).toBe("drafting");
  });

  it("sends a draft for review, asks each reviewer but not the sender, and marks it on their list", async () => {
    const { context, announced } = recordingContext(handle());
    const { editor, reviewer, owner } = w.members;
    const sent = await setStatus(context, editor.token, { intent: "set-status", status: "in_review", reviewerIds: [reviewer.id, editor.id] });
    expect(sent.body).toEqual({ ok: true, status: "in_review" });
    expect(announced).toEqual([{ draftId: w.draft.id, event: { type: "status" } }]);

    const asked = await notificationsFor(reviewer.token);
    expect(asked).toEqual([expect.objectContaining({ kind: "review-request", actor: editor.name, draftTitle: w.draft.title, href: `/workspaces/${w.workspace.id}/drafts/${w.draft.id}`, unread: true })]);
    expect((await notificationsFor(editor.token)).filter((n) => n.kind === "review-request")).toEqual([]);
    expect((await draftsFor(reviewer.token)).find((d) => d.id === w.draft.id)).toMatchObject({ status: "in_review", awaitingMyReview: true });
    expect((await draftsFor(owner.token)).find((d) => d.id === w.draft.id)?.awaitingMyReview).toBe(false);

    // Changing the reviewers during the round asks only the new one.
    await setStatus(context, editor.token, { intent: "set-status", status: "in_review", reviewerIds: [reviewer.id, owner.id] });
    expect(await notificationsFor(reviewer.token)).toHaveLength(1);
    expect((await notificationsFor(owner.token)).map((n) => n.kind)).toEqual(["review-request"]);
    const control = await loadDraftStatusControl(handle().db, (await findDraft(handle().db, w.draft.id))!, true);
    expect(control.reviewerIds.sort()).toEqual([reviewer.id, owner.id].sort());
    expect(control.candidates.map((c) => c.id)).not.toContain(w.members.viewer.id);

    // Back to drafting: nothing waits for review any more.
    announced.length = 0;
    expect((await setStatus(context, owner.token, { intent: "set-status", status: "drafting" })).body).toEqual({ ok: true, status: "drafting" });
    expect(announced).toEqual([{ draftId: w.draft.id, event: { type: "status" } }]);
    expect((await draftsFor(reviewer.token)).find((d) => d.id === w.draft.id)?.awaitingMyReview).toBe(false);
  });

  it("refuses to change the status of a submitted draft", async () => {
    const { context } = recordingContext(handle());
    const frozen = await buildWorkspace(handle());
    await handle().db.updateTable("drafts").set({ status: "submitted" }).where("id", "=", frozen.draft.id).execute();
    const refused = await setStatus(context, frozen.members.owner.token, { intent: "set-status", status: "drafting" }, frozen);
    expect(refused.status).toBe(409);
    expect((await findDraft(handle().db, frozen.draft.id))?.status).toBe("submitted");
  });

  it("counts each draft's open threads on the drafts list", async () => {
    const { context } = recordingContext(handle());
    const counted = await buildWorkspace(handle());
    const token = counted.members.reviewer.token;
    const open = (body: string) => postIntent(context, counted, token, { intent: "create-thread", anchor: ANCHOR, body });
    await open("One");
    await open("Two");
    const third = (await open("Three")).body as { threadId: string };
    await postIntent(context, counted, token, { intent: "resolve", threadId: third.threadId });
    expect((await draftsFor(counted.members.viewer.token, counted)).map((d) => d.openThreads)).toEqual([2]);
  });

  it("lists mentions newest first with the comment's words, and marks them read", async () => {
    const { context } = recordingContext(handle());
    const team = await buildWorkspace(handle());
    const { reviewer, editor } = team.members;
    for (const word of ["first", "second"]) {
      await postIntent(context, team, reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: `@${editor.name} ${word} <b>look</b>`, mentions: [editor.id] });
    }
    const listed = await notificationsFor(editor.token, team);
    expect(listed.map((n) => n.excerpt)).toEqual([`@${editor.name} second <b>look</b>`, `@${editor.name} first <b>look</b>`]);
    expect(listed[0]!.href).toMatch(new RegExp(`^/workspaces/${team.workspace.id}/drafts/${team.draft.id}\\?thread=[0-9a-f-]{36}$`));
    expect(await unreadFor(editor.token, team)).toBe(2);

    const post = (token: string, form: Record<string, string>) =>
      run(notifications.action, makeRequest(`/workspaces/${team.workspace.id}/notifications`, { token, form }), context, { workspaceId: team.workspace.id });
    expect((await post(editor.token, { intent: "mark-everything" })).status).toBe(400);
    // Someone else's notification id marks nothing.
    const [{ id: foreign }] = await handle().db.selectFrom("notifications").select("id").where("user_id", "=", editor.id).limit(1).execute() as [{ id: string }];
    expect((await post(reviewer.token, { intent: "mark-read", notificationId: foreign })).body).toEqual({ ok: true, marked: 0 });
    expect((await post(editor.token, { intent: "mark-read", notificationId: foreign })).body).toEqual({ ok: true, marked: 1 });
    expect(await unreadFor(editor.token, team)).toBe(1);
    expect((await post(editor.token, { intent: "mark-all-read" })).body).toEqual({ ok: true, marked: 1 });
    expect(await unreadFor(editor.token, team)).toBe(0);
    expect((await notificationsFor(editor.token, team)).every((n) => !n.unread)).toBe(true);
  });

  it("audits each status change and change of reviewers, by id and name, and describes them plainly", async () => {
    const { context } = recordingContext(handle());
    const team = await buildWorkspace(handle());
    const { editor, reviewer, owner } = team.members;
    const send = (token: string, form: Record<string, string | string[]>) => setStatus(context, token, { intent: "set-status", ...form }, team);
    await send(editor.token, { status: "in_review", reviewerIds: [reviewer.id, editor.id] });
    await send(editor.token, { status: "in_review", reviewerIds: [reviewer.id, editor.id] }); // the same again: nothing
    await send(owner.token, { status: "in_review", reviewerIds: [reviewer.id, owner.id] });
    await send(owner.token, { status: "drafting" });
    await send(owner.token, { status: "drafting" }); // already drafting: nothing

    const target = ["draft", team.draft.id];
    const title = team.draft.title;
    expect(await statusAudit(team)).toEqual([
      {
        action: "draft.status_changed",
        actor: editor.id,
        target,
        details: { title, from: "drafting", to: "in_review", reviewers: [{ id: reviewer.id, name: "Reviewer" }, { id: editor.id, name: "Editor" }] },
      },
      {
        action: "draft.reviewers_changed",
        actor: owner.id,
        target,
        details: { title, reviewers: [{ id: reviewer.id, name: "Reviewer" }, { id: owner.id, name: "Owner" }], added: [{ id: owner.id, name: "Owner" }], removed: [{ id: editor.id, name: "Editor" }] },
      },
      { action: "draft.status_changed", actor: owner.id, target, details: { title, from: "in_review", to: "drafting" } },
    ]);
    expect((await auditLines(team)).slice(0, 3)).toEqual([
      `Owner moved the draft “${title}” from In review to Drafting`,
      `Owner changed the reviewers of the draft “${title}” (added Owner; removed Editor)`,
      `Editor moved the draft “${title}” from Drafting to In review, for review by Reviewer and Editor`,
    ]);
  });

  it("writes no audit event when a status change is refused", async () => {
    const { context } = recordingContext(handle());
    const team = await buildWorkspace(handle());
    const { editor, reviewer, viewer } = team.members;
    const form = { intent: "set-status", status: "in_review", reviewerIds: reviewer.id };
    const stranger = await buildUser(handle(), "Stranger");
    const statuses = [
      (await setStatus(context, editor.token, { ...form, reviewerIds: [] }, team)).status,
      (await setStatus(context, editor.token, { ...form, reviewerIds: viewer.id }, team)).status,
      (await setStatus(context, reviewer.token, form, team)).status,
      (await setStatus(context, viewer.token, form, team)).status,
      (await setStatus(context, stranger.token, form, team)).status,
    ];
    await handle().db.updateTable("drafts").set({ status: "submitted" }).where("id", "=", team.draft.id).execute();
    statuses.push((await setStatus(context, team.members.owner.token, { intent: "set-status", status: "drafting" }, team)).status);
    expect(statuses).toEqual([400, 400, 403, 403, 404, 409]);
    expect(await statusAudit(team)).toEqual([]);
  });

  it("writes the audit event in the change's transaction: if it fails, the change is undone", async () => {
    const { context } = recordingContext(handle());
    const team = await buildWorkspace(handle());
    const { editor, reviewer } = team.members;
    const { threadId } = (await postIntent(context, team, reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: "Check this" })).body as { threadId: string };
    // A trigger that refuses this workspace's audit rows, as a full disk or a dropped connection would.
    const db = handle().db;
    await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(db);
    await sql`create trigger refuse_audit before insert on audit_events for each row when (new.workspace_id = ${sql.lit(team.workspace.id)}::uuid) execute function refuse_audit()`.execute(db);
    try {
      await expect(setStatus(context, editor.token, { intent: "set-status", status: "in_review", reviewerIds: reviewer.id }, team)).rejects.toThrow(/audit refused/);
      await expect(postIntent(context, team, editor.token, { intent: "resolve", threadId })).rejects.toThrow(/audit refused/);
    } finally {
      await sql`drop trigger refuse_audit on audit_events`.execute(db);
      await sql`drop function refuse_audit()`.execute(db);
    }
    expect((await findDraft(db, team.draft.id))?.status).toBe("drafting");
    expect(await db.selectFrom("draft_reviewers").select("user_id").where("draft_id", "=", team.draft.id).execute()).toEqual([]);
    expect(await db.selectFrom("notifications").select("id").where("draft_id", "=", team.draft.id).where("kind", "=", "review-request").execute()).toEqual([]);
    expect((await db.selectFrom("comment_threads").select("status").where("id", "=", threadId).executeTakeFirstOrThrow()).status).toBe("open");
  });
});
