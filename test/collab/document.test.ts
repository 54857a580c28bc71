import { expect, it } from "vitest";
import * as Y from "yjs";
import { draftDocName } from "../../core/collab/doc-name";
import { BODY_FIELD, computeNumbering, documentSchema } from "../../core/editor";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { eventually, synced, type TestClient, collabSuite } from "./harness";

/** Builds `<paragraph>text<footnote>note</footnote></paragraph>` the way y-prosemirror stores it. */
function paragraphWithNote(text: string, note: string, id: string): Y.XmlElement {
  const footnote = new Y.XmlElement("footnote");
  footnote.setAttribute("id", id);
  footnote.insert(0, [new Y.XmlText(note)]);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text), footnote]);
  return paragraph;
}

function noteText(client: TestClient, id: string): Y.XmlText | undefined {
  for (const block of client.doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    const note = block.toArray().find((child) => child instanceof Y.XmlElement && child.getAttribute("id") === id) as Y.XmlElement | undefined;
    if (note) return note.get(0) as Y.XmlText;
  }
  return undefined;
}

describeEachDatabase("the submission document over the collaboration server", (handle) => {
  const suite = collabSuite(handle);
  const connect = suite.connect;

  it("merges two editors typing in the same footnote at once, on every client and in the stored snapshot", async () => {
    const world = await buildWorkspace(handle());
    const a = connect(world.members.owner.token, world.draft.id);
    const b = connect(world.members.editor.token, world.draft.id);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getXmlFragment(BODY_FIELD).insert(0, [paragraphWithNote("The law was adopted.", "Official Gazette, p. 4.", "n1")]);
    await eventually(() => noteText(b, "n1")?.toString(), (t) => t === "Official Gazette, p. 4.");

    // Both edit the note before either hears from the other.
    noteText(a, "n1")!.insert(0, "Ghana, ");
    const end = noteText(b, "n1")!;
    end.insert(end.length, " See also ibid.");
    const merged = "Ghana, Official Gazette, p. 4. See also ibid.";
    await eventually(() => [noteText(a, "n1")?.toString(), noteText(b, "n1")?.toString()], ([x, y]) => x === merged && y === merged);

    // The server reads the note through the document schema: it is stored as a footnote, numbered 1.
    a.destroy();
    b.destroy();
    await eventually(() => suite.harness.collab.rooms.get(draftDocName(world.draft.id)), (room) => room === undefined);
    const snapshot = await handle().db.selectFrom("draft_snapshots").select(["content", "text"]).where("draft_id", "=", world.draft.id).executeTakeFirstOrThrow();
    const doc = documentSchema().nodeFromJSON(snapshot.content);
    const [pos] = computeNumbering(doc).footnotes.keys();
    expect(doc.nodeAt(pos!)!.textContent).toBe(merged);
    expect(snapshot.text).toBe(`The law was adopted.\n\n${merged}`);
  });

  it("numbers paragraphs that two editors insert at the same place at once without a collision", async () => {
    const world = await buildWorkspace(handle());
    const a = connect(world.members.owner.token, world.draft.id);
    const b = connect(world.members.editor.token, world.draft.id);
    await Promise.all([synced(a), synced(b)]);
    const paragraph = (text: string) => {
      const element = new Y.XmlElement("paragraph");
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    };
    a.doc.getXmlFragment(BODY_FIELD).insert(0, [paragraph("First."), paragraph("Last.")]);
    await eventually(() => b.doc.getXmlFragment(BODY_FIELD).length, (n) => n === 2);
    a.doc.getXmlFragment(BODY_FIELD).insert(1, [paragraph("From A.")]);
    b.doc.getXmlFragment(BODY_FIELD).insert(1, [paragraph("From B.")]);
    await eventually(
      () => [a.doc.getXmlFragment(BODY_FIELD).length, b.doc.getXmlFragment(BODY_FIELD).length],
      ([x, y]) => x === 4 && y === 4,
    );
    const numbersOf = (client: TestClient) => {
      const doc = documentSchema().nodeFromJSON({
        type: "doc",
        content: client.doc.getXmlFragment(BODY_FIELD).toArray().map((p) => ({ type: "paragraph", content: [{ type: "text", text: (p as Y.XmlElement).get(0)!.toString() }] })),
      });
      return [...computeNumbering(doc).paragraphs].map(([pos, n]) => `${n} ${doc.nodeAt(pos)!.textContent}`);
    };
    expect(numbersOf(a)).toEqual(numbersOf(b));
    expect(numbersOf(a).map((line) => line.split(" ")[0])).toEqual(["1", "2", "3", "4"]);
  });
});
