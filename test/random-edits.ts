import * as Y from "yjs";
import { BODY_FIELD } from "../core/editor";

/**
 * Reproducible text and keystrokes for drafts with a history (compaction and versions tests and
 * benches): a linear congruential generator, so every run edits the same places.
 */
export function seededText(vocabulary: readonly string[], seed = 42): { random: () => number; sentence: (words: number) => string } {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentence = (words: number) => `${Array.from({ length: words }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ")}. `;
  return { random, sentence };
}

/**
 * `edits` keystroke-sized changes in random paragraphs of `client`'s body: three in ten delete
 * `deleteLength` characters from a paragraph longer than `minLength`, the rest insert a sentence.
 */
export function randomEdits(
  client: Y.Doc,
  edits: number,
  text: ReturnType<typeof seededText>,
  shape: { deleteLength: number; words: number; minLength: number } = { deleteLength: 8, words: 2, minLength: 60 },
): void {
  const { random, sentence } = text;
  const body = client.getXmlFragment(BODY_FIELD);
  for (let e = 0; e < edits; e++) {
    const block = body.get(Math.floor(random() * body.length)) as Y.XmlElement;
    const target = block.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
    if (!target) continue;
    if (random() < 0.3 && target.length > shape.minLength) target.delete(Math.floor(random() * (target.length - 20)), shape.deleteLength);
    else target.insert(Math.floor(random() * target.length), sentence(shape.words));
  }
}
