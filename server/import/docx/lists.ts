/**
 * Word lists are flat: each paragraph names a list (`w:num`) and a level. This rebuilds nested
 * Caucus lists from them. Depth comes from the level's indent when Word gives one (our exporter,
 * like many writers, makes every list level 0 of its own definition and indents nested lists
 * further) and from the level number otherwise. A paragraph of a different list at the same depth
 * starts a new list, which is where Word restarts counting; numbers continue per `w:num` and
 * level, so a list interrupted by a paragraph resumes at the right `start`. Word counts per
 * abstract definition: several `w:num`s of one definition share a counter, and one with a start
 * override restarts it the first time it is used (LibreOffice writes lists this way).
 */
import type { Json } from "./inline";
import { bulletStyleOf, orderedStyleOf } from "./list-format";
import type { LevelInfo } from "./styles";

interface Open {
  list: Json & { content: Json[] };
  depth: number;
  key: string;
}

export class ListBuilder {
  private stack: Open[] = [];
  private readonly counters = new Map<string, number>();
  lists = 0;
  /** Lists whose Word numbering or bullet the editor has no style for (shown in the nearest one it has). */
  restyled = 0;

  constructor(private readonly out: Json[]) {}

  private readonly lastNum = new Map<string, string>();

  add(paragraph: Json, source: { numId: string; abstract: string; restarts: boolean }, ilvl: number, level: LevelInfo, ownIndent: number | null): void {
    const key = `${source.abstract}:${ilvl}`;
    const restart = source.restarts && this.lastNum.get(key) !== source.numId;
    this.lastNum.set(key, source.numId);
    const count = restart ? level.start : (this.counters.get(key) ?? level.start - 1) + 1;
    this.counters.set(key, count);
    // Deeper levels of this list restart under a new item, as Word restarts them by default.
    for (const k of this.counters.keys()) if (k.startsWith(`${source.abstract}:`) && Number(k.split(":")[1]) > ilvl) this.counters.delete(k);
    const depth = ownIndent ?? level.indent ?? ilvl * 720;
    while (this.stack.length && this.stack[this.stack.length - 1]!.depth > depth) this.stack.pop();
    let top = this.stack[this.stack.length - 1];
    if (top && top.depth === depth && (top.key !== key || restart)) {
      this.stack.pop();
      top = this.stack[this.stack.length - 1];
    }
    const item = { type: "listItem", content: [paragraph] };
    if (top && top.depth === depth) {
      top.list.content.push(item);
      return;
    }
    let list: Open["list"];
    if (level.format === "bullet") {
      const { style, exact } = bulletStyleOf(level);
      if (!exact) this.restyled += 1;
      list = { type: "bulletList", attrs: { bulletStyle: style }, content: [item] };
    } else {
      const { style, exact } = orderedStyleOf(level);
      if (!exact) this.restyled += 1;
      list = { type: "orderedList", attrs: { listStyle: style, start: count }, content: [item] };
    }
    this.lists += 1;
    if (top) (top.list.content[top.list.content.length - 1]!.content as Json[]).push(list);
    else this.out.push(list);
    this.stack.push({ list, depth, key });
  }

  /** A paragraph that is not in a list ends every open list (numbering still continues per `w:num`). */
  close(): void {
    this.stack = [];
  }
}
