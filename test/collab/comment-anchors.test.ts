import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { anchorFor, resolveAnchor, type YBodyBinding } from "../../core/comments/anchors";
import { BODY_FIELD, documentSchema } from "../../core/editor";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { eventually, synced, type TestClient, collabSuite } from "./harness";

const SENTENCE = "The police dispersed the peaceful assembly in Accra.";

/** The client's document as its editor would see it, with y-prosemirror's node mapping. */
function binding(client: TestClient): YBodyBinding & { text: (from: number, to: number) => string } {
  const body = client.doc.getXmlFragment(BODY_FIELD);
  const { doc, mapping } = initProseMirrorDoc(body, documentSchema());
  return { doc: client.doc, body, mapping, text: (from, to) => doc.textBetween(from, to) };
}

const firstText = (client: TestClient, block = 0) => (client.doc.getXmlFragment(BODY_FIELD).get(block) as Y.XmlElement).get(0) as Y.XmlText;
const bodyText = (client: TestClient) => client.doc.getXmlFragment(BODY_FIELD).toString();

describeEachDatabase("comment anchors (Yjs relative positions) between two real clients", (handle) => {
  const suite = collabSuite(handle);

  async function twoEditors() {
    const world = await buildWorkspace(handle());
    const a = suite.connect(world.members.owner.token, world.draft.id);
    const b = suite.connect(world.members.editor.token, world.draft.id);
    await Promise.all([synced(a), synced(b)]);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(SENTENCE)]);
    a.doc.getXmlFragment(BODY_FIELD).insert(a.doc.getXmlFragment(BODY_FIELD).length, [paragraph]);
    await eventually(() => bodyText(b), (text) => text.includes("Accra"));
    // "peaceful assembly", in the first paragraph (its text starts at position 1).
    const from = 1 + SENTENCE.indexOf("peaceful");
    const anchor = anchorFor(binding(a), from, from + "peaceful assembly".length, "peaceful assembly");
    expect(binding(a).text(from, from + "peaceful assembly".length)).toBe("peaceful assembly");
    return { a, b, anchor };
  }

  it("keeps the range on its text while both edit before, inside and after it at once", async () => {
    const { a, b, anchor } = await twoEditors();
    // Neither hears the other before both have typed.
    firstText(a).insert(SENTENCE.indexOf("dispersed"), "violently ");
    firstText(b).insert(SENTENCE.indexOf("assembly"), "and lawful ");
    firstText(b).insert(firstText(b).length - 1, " on 12 May");
    // And a paragraph arrives above it: every position after it moves.
    const above = new Y.XmlElement("paragraph");
    above.insert(0, [new Y.XmlText("Introduction.")]);
    a.doc.getXmlFragment(BODY_FIELD).insert(0, [above]);
    const expected = "The police violently dispersed the peaceful and lawful assembly in Accra on 12 May.";
    const sentence = (client: TestClient) => (client.doc.getXmlFragment(BODY_FIELD).length > 1 ? firstText(client, 1).toString() : "");
    await eventually(() => [sentence(a), sentence(b)], ([x, y]) => x === expected && y === expected);

    for (const client of [a, b]) {
      const view = binding(client);
      const range = resolveAnchor(view, anchor);
      expect(range).not.toBeNull();
      expect(view.text(range!.from, range!.to)).toBe("peaceful and lawful assembly");
    }
  });

  it("detaches the thread when its text is deleted, on the other client too", async () => {
    const { a, b, anchor } = await twoEditors();
    firstText(b).delete(SENTENCE.indexOf("the peaceful"), "the peaceful assembly ".length);
    await eventually(() => firstText(a).toString(), (text) => text === "The police dispersed in Accra.");
    expect(resolveAnchor(binding(a), anchor)).toBeNull();
    expect(resolveAnchor(binding(b), anchor)).toBeNull();
    // A part of it deleted leaves the rest anchored.
    const { a: c, anchor: second } = await twoEditors();
    firstText(c).delete(SENTENCE.indexOf("assembly"), "assembly".length);
    const view = binding(c);
    expect(view.text(resolveAnchor(view, second)!.from, resolveAnchor(view, second)!.to).trim()).toBe("peaceful");
  });

  it("reads a position that does not decode as no place, not as an error", async () => {
    const { a } = await twoEditors();
    expect(resolveAnchor(binding(a), { start: "AAAA", end: "////" })).toBeNull();
  });
});
