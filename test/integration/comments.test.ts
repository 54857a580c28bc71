import { beforeAll, expect, it } from "vitest";
import { describeAuditEvent } from "../../app/components/audit/describe-event";
import { ENGLISH } from "../i18n/english";
import type { ThreadView } from "../../core/comments/contract";
import * as auditPage from "../../app/routes/workspaces.$workspaceId.audit";
import * as comments from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.comments";
import { createDraft } from "../../db/queries/drafts";
import { describeEachDatabase } from "../db/test-database";
import { buildUser, buildWorkspace, type TestUser } from "../factories";
import { makeRequest, run } from "../remix";
import { ANCHOR, commentsPath, draftParams, getThreads, jsonRequest, postIntent, recordingContext, runJson, type Built } from "./review-requests";

type Answer = { ok: true; threadId: string; thread: ThreadView | null } | { ok: false; error: string };
type Listing = { threads: ThreadView[]; members: Array<{ id: string; name: string }>; me: { id: string; canComment: boolean } };

// The comments resource route behind the editor's Comments tab (issue 7): who may write, what is
// stored, what is announced. Every role × route is also in authz-matrix.test.ts.
describeEachDatabase("comment threads", (handle) => {
  let w: Built;
  let stranger: TestUser;
  beforeAll(async () => {
    w = await buildWorkspace(handle());
    stranger = await buildUser(handle(), "Stranger");
  });

  const countThreads = async () =>
    Number((await handle().db.selectFrom("comment_threads").select((eb) => eb.fn.countAll<string>().as("n")).where("draft_id", "=", w.draft.id).executeTakeFirstOrThrow()).n);
  const reviewAudit = async (workspaceId: string) =>
    handle().db.selectFrom("audit_events").selectAll().where("workspace_id", "=", workspaceId).where("action", "like", "comment.%").orderBy("id").execute();
  const mentionsOf = async (userId: string) =>
    handle().db.selectFrom("notifications").selectAll().where("user_id", "=", userId).where("kind", "=", "mention").execute();

  it("lets a reviewer open a thread, announces it, and lists it for every member", async () => {
    const { context, announced } = recordingContext(handle());
    const created = await postIntent(context, w, w.members.reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: "  Cite the 2022 report here.  " });
    expect(created.status).toBe(200);
    const answer = created.body as Answer;
    if (!answer.ok || !answer.thread) throw new Error("expected a thread");
    expect(answer.thread).toMatchObject({ draftId: w.draft.id, anchor: ANCHOR, status: "open", createdBy: w.members.reviewer.id });
    expect(answer.thread.comments).toEqual([
      expect.objectContaining({ authorId: w.members.reviewer.id, authorName: w.members.reviewer.name, body: "Cite the 2022 report here.", deleted: false, editedAt: null }),
    ]);
    expect(announced).toEqual([{ draftId: w.draft.id, event: { type: "thread", threadId: answer.threadId } }]);

    const listed = await getThreads(context, w, w.members.viewer.token);
    const listing = listed.body as Listing;
    expect(listing.threads.map((t) => t.id)).toContain(answer.threadId);
    expect(listing.me).toEqual({ id: w.members.viewer.id, canComment: false });
    expect(listing.members.map((m) => m.id).sort()).toEqual(Object.values(w.members).map((m) => m.id).sort());
    const one = await getThreads(context, w, w.members.editor.token, answer.threadId);
    expect((one.body as Listing).threads.map((t) => t.id)).toEqual([answer.threadId]);
  });

  it("accepts the same intent as plain form fields", async () => {
    const { context } = recordingContext(handle());
    const form = { intent: "create-thread", "anchor.start": ANCHOR.start, "anchor.end": ANCHOR.end, "anchor.quote": "housing", body: "From a form." };
    const outcome = await runJson(comments.action, makeRequest(commentsPath(w), { token: w.members.editor.token, form }), context, draftParams(w));
    expect(outcome.status).toBe(200);
    expect((outcome.body as Answer & { ok: true }).thread?.anchor.quote).toBe("housing");
  });

  it("refuses a viewer (403) and a stranger (404), writing and announcing nothing", async () => {
    const { context, announced } = recordingContext(handle());
    const { threadId } = (await postIntent(context, w, w.members.owner.token, { intent: "create-thread", anchor: ANCHOR, body: "Owner's note" })).body as Answer & { ok: true };
    announced.length = 0;
    const before = await countThreads();
    expect((await postIntent(context, w, w.members.viewer.token, { intent: "create-thread", anchor: ANCHOR, body: "Viewer" })).status).toBe(403);
    expect((await postIntent(context, w, w.members.viewer.token, { intent: "reply", threadId, body: "Viewer" })).status).toBe(403);
    expect((await postIntent(context, w, stranger.token, { intent: "reply", threadId, body: "Stranger" })).status).toBe(404);
    expect((await getThreads(context, w, stranger.token)).status).toBe(404);
    expect((await getThreads(context, w, stranger.token, threadId)).status).toBe(404);
    expect(await countThreads()).toBe(before);
    expect(announced).toEqual([]);
  });

  it("answers 404 for a thread or comment of another draft or workspace, and for a malformed id", async () => {
    const { context } = recordingContext(handle());
    const other = await buildWorkspace(handle());
    const theirs = (await postIntent(context, other, other.members.owner.token, { intent: "create-thread", anchor: ANCHOR, body: "Theirs" })).body as Answer & { ok: true };
    const sibling = await createDraft(handle().db, { workspace_id: w.workspace.id, title: "Sibling", mechanism: "UPR", state_under_review: "GHA", created_by: w.members.owner.id });
    const cousin = (await postIntent(context, w, w.members.owner.token, { intent: "create-thread", anchor: ANCHOR, body: "Sibling draft" }, sibling.id)).body as Answer & { ok: true };
    for (const threadId of [theirs.threadId, cousin.threadId]) {
      expect((await postIntent(context, w, w.members.owner.token, { intent: "reply", threadId, body: "Hi" })).status).toBe(404);
      expect((await postIntent(context, w, w.members.owner.token, { intent: "resolve", threadId })).status).toBe(404);
      expect((await getThreads(context, w, w.members.owner.token, threadId)).status).toBe(404);
    }
    const theirComment = theirs.thread!.comments[0]!.id;
    expect((await postIntent(context, w, w.members.owner.token, { intent: "delete", commentId: theirComment })).status).toBe(404);
    expect((await getThreads(context, w, w.members.owner.token, "not-a-uuid")).status).toBe(404);
  });

  it("answers 400 with a clear message for a bad intent or an oversized body, storing nothing", async () => {
    const { context, announced } = recordingContext(handle());
    const before = await countThreads();
    const token = w.members.editor.token;
    const unknown = await postIntent(context, w, token, { intent: "shout", body: "Hi" });
    expect(unknown.status).toBe(400);
    expect((unknown.body as Answer & { ok: false }).error).toMatch(/Unknown intent/);
    const long = await postIntent(context, w, token, { intent: "create-thread", anchor: ANCHOR, body: "x".repeat(4001) });
    expect(long.status).toBe(400);
    expect((long.body as Answer & { ok: false }).error).toBe("A comment holds at most 4,000 characters.");
    const blank = await postIntent(context, w, token, { intent: "create-thread", anchor: ANCHOR, body: "   " });
    expect((blank.body as Answer & { ok: false }).error).toBe("Write a comment first.");
    // In the language of the person asking: their browser asks for French (no account choice here).
    const french = jsonRequest(commentsPath(w), token, { intent: "create-thread", anchor: ANCHOR, body: "x".repeat(4001) });
    french.headers.set("accept-language", "fr-FR,fr;q=0.9");
    const refusedInFrench = await runJson(comments.action, french, context, draftParams(w));
    expect((refusedInFrench.body as Answer & { ok: false }).error).toBe("Un commentaire contient au plus 4\u202f000 caractères.");
    const badAnchor = await postIntent(context, w, token, { intent: "create-thread", anchor: { ...ANCHOR, start: "not base64!" }, body: "Hi" });
    expect(badAnchor.status).toBe(400);
    expect((await postIntent(context, w, token, "{not json")).status).toBe(400);
    expect(await countThreads()).toBe(before);
    expect(announced).toEqual([]);
  });

  it("lets people edit and delete only their own comments", async () => {
    const { context } = recordingContext(handle());
    const opened = (await postIntent(context, w, w.members.reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: "Mine" })).body as Answer & { ok: true };
    const commentId = opened.thread!.comments[0]!.id;
    expect((await postIntent(context, w, w.members.owner.token, { intent: "edit", commentId, body: "Owner rewrites" })).status).toBe(403);
    expect((await postIntent(context, w, w.members.editor.token, { intent: "delete", commentId })).status).toBe(403);
    const edited = await postIntent(context, w, w.members.reviewer.token, { intent: "edit", commentId, body: "Mine, clearer" });
    const comment = (edited.body as Answer & { ok: true }).thread!.comments[0]!;
    expect(comment.body).toBe("Mine, clearer");
    expect(comment.editedAt).not.toBeNull();
  });

  it("notifies only members named with @Name in the body, never the author", async () => {
    const { context } = recordingContext(handle());
    const { editor, viewer, reviewer } = w.members;
    const body = `@${editor.name} and @${reviewer.name}: is this right?`;
    // The viewer is listed but not named; the stranger is named but not a member.
    const mentions = [editor.id, viewer.id, stranger.id, reviewer.id];
    const created = await postIntent(context, w, reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: `${body} @${stranger.name}`, mentions });
    const thread = (created.body as Answer & { ok: true }).thread!;
    expect(thread.comments[0]!.mentions.sort()).toEqual([editor.id, reviewer.id].sort());
    const editorNotes = await mentionsOf(editor.id);
    expect(editorNotes.filter((n) => n.thread_id === thread.id)).toHaveLength(1);
    expect((await mentionsOf(viewer.id)).filter((n) => n.thread_id === thread.id)).toEqual([]);
    expect((await mentionsOf(reviewer.id)).filter((n) => n.thread_id === thread.id)).toEqual([]);
    expect((await mentionsOf(stranger.id))).toEqual([]);

    // Editing away a name withdraws that notice; naming someone new notifies them.
    const commentId = thread.comments[0]!.id;
    await postIntent(context, w, reviewer.token, { intent: "edit", commentId, body: `@${viewer.name}, over to you.`, mentions: [viewer.id, editor.id] });
    expect((await mentionsOf(editor.id)).filter((n) => n.thread_id === thread.id)).toEqual([]);
    expect((await mentionsOf(viewer.id)).filter((n) => n.thread_id === thread.id)).toHaveLength(1);
  });

  it("lets any commenter resolve and reopen, announcing each change once", async () => {
    const { context, announced } = recordingContext(handle());
    const { threadId } = (await postIntent(context, w, w.members.reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: "Fix the date" })).body as Answer & { ok: true };
    const resolved = await postIntent(context, w, w.members.editor.token, { intent: "resolve", threadId });
    expect((resolved.body as Answer & { ok: true }).thread).toMatchObject({ status: "resolved", resolvedByName: w.members.editor.name });
    const again = await postIntent(context, w, w.members.owner.token, { intent: "resolve", threadId });
    expect(again.status).toBe(200);
    const reopened = await postIntent(context, w, w.members.reviewer.token, { intent: "reopen", threadId });
    expect((reopened.body as Answer & { ok: true }).thread).toMatchObject({ status: "open", resolvedAt: null, resolvedByName: null });
    const event = { draftId: w.draft.id, event: { type: "thread", threadId } };
    // Created, resolved, reopened: the second resolve changed nothing and announced nothing.
    expect(announced).toEqual([event, event, event]);
  });

  it("keeps a thread whose opening comment is deleted under replies, and deletes it with its last words", async () => {
    const { context, announced } = recordingContext(handle());
    const { reviewer, editor } = w.members;
    const opened = (await postIntent(context, w, reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: `Opening, @${editor.name}`, mentions: [editor.id] })).body as Answer & { ok: true };
    const openerId = opened.thread!.comments[0]!.id;
    const reply = (await postIntent(context, w, editor.token, { intent: "reply", threadId: opened.threadId, body: "A reply" })).body as Answer & { ok: true };
    const replyId = reply.thread!.comments[1]!.id;

    const afterOpener = (await postIntent(context, w, reviewer.token, { intent: "delete", commentId: openerId })).body as Answer & { ok: true };
    expect(afterOpener.thread!.comments.map((c) => [c.id, c.deleted, c.body])).toEqual([
      [openerId, true, ""],
      [replyId, false, "A reply"],
    ]);
    expect((await mentionsOf(editor.id)).filter((n) => n.comment_id === openerId)).toEqual([]);
    // Deleted means gone: it can be neither edited nor deleted again.
    expect((await postIntent(context, w, reviewer.token, { intent: "edit", commentId: openerId, body: "Back" })).status).toBe(404);

    announced.length = 0;
    const afterReply = await postIntent(context, w, editor.token, { intent: "delete", commentId: replyId });
    expect(afterReply.body).toEqual({ ok: true, threadId: opened.threadId, thread: null });
    expect(announced).toEqual([{ draftId: w.draft.id, event: { type: "thread", threadId: opened.threadId } }]);
    expect((await getThreads(context, w, editor.token, opened.threadId)).status).toBe(404);
  });

  it("deletes a reply outright and a lone comment with its thread", async () => {
    const { context } = recordingContext(handle());
    const opened = (await postIntent(context, w, w.members.owner.token, { intent: "create-thread", anchor: ANCHOR, body: "Lone" })).body as Answer & { ok: true };
    const reply = (await postIntent(context, w, w.members.editor.token, { intent: "reply", threadId: opened.threadId, body: "Reply" })).body as Answer & { ok: true };
    const afterReply = (await postIntent(context, w, w.members.editor.token, { intent: "delete", commentId: reply.thread!.comments[1]!.id })).body as Answer & { ok: true };
    expect(afterReply.thread!.comments.map((c) => c.body)).toEqual(["Lone"]);
    const afterLone = (await postIntent(context, w, w.members.owner.token, { intent: "delete", commentId: opened.thread!.comments[0]!.id })).body as Answer & { ok: true };
    expect(afterLone.thread).toBeNull();
  });

  it("refuses every comment write on a submitted draft with a clear message", async () => {
    const { context, announced } = recordingContext(handle());
    const frozen = await buildWorkspace(handle());
    const { threadId } = (await postIntent(context, frozen, frozen.members.reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: "Before" })).body as Answer & { ok: true };
    await handle().db.updateTable("drafts").set({ status: "submitted" }).where("id", "=", frozen.draft.id).execute();
    announced.length = 0;
    const refused = await postIntent(context, frozen, frozen.members.owner.token, { intent: "create-thread", anchor: ANCHOR, body: "After" });
    expect(refused.status).toBe(409);
    expect((refused.body as Answer & { ok: false }).error).toMatch(/submitted and is read-only/);
    expect((await postIntent(context, frozen, frozen.members.owner.token, { intent: "resolve", threadId })).status).toBe(409);
    expect(announced).toEqual([]);
    const listed = (await getThreads(context, frozen, frozen.members.owner.token)).body as Listing;
    expect(listed.me.canComment).toBe(false);
    expect(listed.threads).toHaveLength(1);
  });

  it("audits resolve, reopen and a deletion by its author, never the words or the quoted text", async () => {
    const { context } = recordingContext(handle());
    const team = await buildWorkspace(handle());
    const { reviewer, editor, owner } = team.members;
    const secret = "Confidential: the source in the ministry is Ms X.";
    const opened = (await postIntent(context, team, reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: secret })).body as Answer & { ok: true };
    const reply = (await postIntent(context, team, editor.token, { intent: "reply", threadId: opened.threadId, body: `${secret} Agreed.` })).body as Answer & { ok: true };
    // Creating and replying are the content itself: no event.
    expect(await reviewAudit(team.workspace.id)).toEqual([]);

    await postIntent(context, team, editor.token, { intent: "resolve", threadId: opened.threadId });
    await postIntent(context, team, owner.token, { intent: "resolve", threadId: opened.threadId }); // already resolved: nothing
    await postIntent(context, team, reviewer.token, { intent: "reopen", threadId: opened.threadId });
    const replyId = reply.thread!.comments[1]!.id;
    const openerId = opened.thread!.comments[0]!.id;
    await postIntent(context, team, editor.token, { intent: "delete", commentId: replyId });
    await postIntent(context, team, reviewer.token, { intent: "delete", commentId: openerId });

    const events = await reviewAudit(team.workspace.id);
    const draft = { draftId: team.draft.id, draftTitle: team.draft.title };
    expect(events.map((e) => ({ action: e.action, actor: e.actor_id, target: [e.target_type, e.target_id], details: e.details }))).toEqual([
      { action: "comment.thread_resolved", actor: editor.id, target: ["comment_thread", opened.threadId], details: draft },
      { action: "comment.thread_reopened", actor: reviewer.id, target: ["comment_thread", opened.threadId], details: draft },
      { action: "comment.deleted", actor: editor.id, target: ["comment", replyId], details: { ...draft, threadId: opened.threadId, threadDeleted: false } },
      { action: "comment.deleted", actor: reviewer.id, target: ["comment", openerId], details: { ...draft, threadId: opened.threadId, threadDeleted: true } },
    ]);
    const stored = JSON.stringify(events);
    for (const words of ["Confidential", "ministry", ANCHOR.quote]) expect(stored).not.toContain(words);

    const log = await run(auditPage.loader, makeRequest(`/workspaces/${team.workspace.id}/audit`, { token: owner.token }), context, { workspaceId: team.workspace.id });
    const lines = (log.body as { events: Array<{ actor: string; action: string; details: Record<string, unknown> }> }).events
      .slice(0, 4)
      .map((e) => `${e.actor} ${describeAuditEvent(ENGLISH, e.action, e.details)}`);
    const on = `on the draft “${team.draft.title}”`;
    expect(lines).toEqual([`Reviewer deleted their comment ${on}, and with it the thread`, `Editor deleted their comment ${on}`, `Reviewer reopened a comment thread ${on}`, `Editor resolved a comment thread ${on}`]);
    expect(JSON.stringify(log.body)).not.toContain("Confidential");
  });

  it("writes no audit event for a refused resolve, reopen or delete", async () => {
    const { context } = recordingContext(handle());
    const team = await buildWorkspace(handle());
    const other = await buildWorkspace(handle());
    const { reviewer, editor, viewer } = team.members;
    const opened = (await postIntent(context, team, reviewer.token, { intent: "create-thread", anchor: ANCHOR, body: "Mine" })).body as Answer & { ok: true };
    const commentId = opened.thread!.comments[0]!.id;
    const resolve = { intent: "resolve", threadId: opened.threadId };
    const statuses = [
      (await postIntent(context, team, viewer.token, resolve)).status,
      (await postIntent(context, team, viewer.token, { ...resolve, intent: "reopen" })).status,
      (await postIntent(context, team, stranger.token, resolve)).status,
      (await postIntent(context, other, other.members.owner.token, resolve)).status,
      (await postIntent(context, team, editor.token, { intent: "delete", commentId })).status,
    ];
    await handle().db.updateTable("drafts").set({ status: "submitted" }).where("id", "=", team.draft.id).execute();
    statuses.push((await postIntent(context, team, reviewer.token, resolve)).status, (await postIntent(context, team, reviewer.token, { intent: "delete", commentId })).status);
    expect(statuses).toEqual([403, 403, 404, 404, 403, 409, 409]);
    expect(await reviewAudit(team.workspace.id)).toEqual([]);
    expect(await reviewAudit(other.workspace.id)).toEqual([]);
  });
});
