import * as Y from "yjs";
import { canonicalDocument } from "../../core/editor/canonical";

/** The 50,000-word draft of bench/collab/big-draft.ts and relay-costs.ts, built the same way each time (fixed seed). */
const WORDS = ["State", "recommendation", "supported", "implementation", "detention", "journalists", "freedom", "expression", "Committee", "report", "para.", "186.60", "the", "of", "and", "to", "in", "that"];

/** Builds the draft the way people write: thousands of small edits, some rewritten. */
export function buildHistory(): { updates: Uint8Array[]; words: number } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const body = doc.getXmlFragment("body");
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentence = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ") + ". ";
  let words = 0;
  while (words < 50_000) {
    doc.transact(() => {
      if (body.length === 0 || random() < 0.08) {
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText()]);
        body.insert(body.length, [p]);
      }
      const text = (body.get(Math.floor(random() * body.length)) as Y.XmlElement).get(0) as Y.XmlText;
      const added = 5 + Math.floor(random() * 20);
      text.insert(text.length, sentence(added));
      words += added;
      // Rewriting leaves tombstones behind: the history a real draft carries.
      if (random() < 0.3 && text.length > 40) {
        const cut = 10 + Math.floor(random() * 20);
        text.delete(Math.floor(random() * (text.length - cut)), cut);
        words -= Math.round(cut / 7);
      }
    });
  }
  const counted = canonicalDocument(doc).text.split(/\s+/).filter(Boolean).length;
  return { updates, words: counted };
}

