/** "1 footnote", "1,200 footnotes": a number as English prose writes it, with its noun. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
