import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { expect, it } from "vitest";
import * as Y from "yjs";
import * as comments from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.comments";
import { listenToDraftEvents } from "../../app/editor/draft-events";
import type { DraftEvent } from "../../core/collab/draft-events";
import { draftDocName } from "../../core/collab/doc-name";
import { anchorFor, resolveAnchor } from "../../core/comments/anchors";
import { BODY_FIELD, canonicalDocument, documentSchema } from "../../core/editor";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { runJson, testContext } from "../remix";
import { commentsPath, draftParams, jsonRequest } from "../integration/review-requests";
import { collabSuite, eventually, synced, type TestClient } from "./harness";

const SENTENCE = "The police dispersed the peaceful assembly in Accra.";

/** The client's document as its editor would see it: the Y.Doc binding and the ProseMirror doc. */
const bindingOf = (client: TestClient) => {
  const body = client.doc.getXmlFragment(BODY_FIELD);
  const { doc, mapping } = initProseMirrorDoc(body, documentSchema());
  return { doc: client.doc, body, mapping, page: doc };
};

// Issue 7's promise end to end: a reviewer comments over HTTP, everyone in the draft hears of it
// over the socket, and the reviewer's socket still cannot change the text.
describeEachDatabase("a reviewer's comment and socket", (handle) => {
  const suite = collabSuite(handle);

  it("comments over HTTP, is announced to the editor's socket, and cannot edit over its own", async () => {
    const world = await buildWorkspace(handle());
    const editor = suite.connect(world.members.editor.token, world.draft.id);
    const reviewer = suite.connect(world.members.reviewer.token, world.draft.id);
    await Promise.all([synced(editor), synced(reviewer)]);
    const heard: DraftEvent[] = [];
    listenToDraftEvents(editor.provider, (event) => heard.push(event));

    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(SENTENCE)]);
    editor.doc.getXmlFragment(BODY_FIELD).insert(0, [paragraph]);
    await eventually(() => reviewer.doc.getXmlFragment(BODY_FIELD).toString(), (text) => text.includes("Accra"));

    // The reviewer's anchor, computed on their own copy as the browser does.
    const from = 1 + SENTENCE.indexOf("peaceful");
    const anchor = anchorFor(bindingOf(reviewer), from, from + "peaceful assembly".length, "peaceful assembly");
    const context = testContext(handle(), undefined, { revalidate: async () => {}, announce: (draftId, event) => suite.harness.collab.announce(draftId, event), settle: async () => {}, applyStoredChange: () => {} });
    const request = jsonRequest(commentsPath(world), world.members.reviewer.token, { intent: "create-thread", anchor, body: "Which report says so?" });
    const created = await runJson(comments.action, request, context, draftParams(world));
    expect(created.status).toBe(200);
    const { threadId } = created.body as { threadId: string };
    await eventually(() => heard, (events) => events.some((e) => e.type === "thread" && e.threadId === threadId), 1000);

    // The editor's copy places the thread on the same words.
    const view = bindingOf(editor);
    const range = resolveAnchor(view, anchor);
    expect(view.page.textBetween(range!.from, range!.to)).toBe("peaceful assembly");

    // The reviewer types into their copy: the server drops it, nobody else sees it.
    ((reviewer.doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Sneaky. ");
    editor.type(" Later.");
    await eventually(() => reviewer.text(), (text) => text.includes("Later."));
    const room = suite.harness.collab.rooms.get(draftDocName(world.draft.id))!;
    expect(canonicalDocument(room.materialise()).text).not.toContain("Sneaky");
    expect(editor.text()).not.toContain("Sneaky");
  });
});
