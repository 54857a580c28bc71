/**
 * One library (the shared one, or a coalition's own records) held in memory as typed arrays:
 * every row's facet values, dictionary-encoded, and its place in browse order. Facet counts,
 * filters, ordering and paging over 100,000 rows take a few milliseconds here, where the same
 * work in SQL meant reading every matching row (1.6 KB each) on every search. About 130 bytes a
 * row; built by library-index-cache.ts, read by library-hits.ts and library-matching.ts.
 */

/** A multi-valued field: row r holds values[start[r]] up to (not including) values[start[r + 1]]. */
export interface MultiColumn {
  readonly start: Int32Array;
  readonly values: Int32Array;
}

type Field = "body" | "stateUnderReview" | "response" | "symbol" | "paragraph" | "recommendingStates" | "themes" | "affectedPersons";

/** The strings behind each field's codes (and, in `codes`, the way back). */
export interface LibraryLabels {
  readonly codes: { readonly [field in Field]: ReadonlyMap<string, number> };
  /** Codes of labels holding " | ", the search-key separator (almost always none). */
  readonly compound: { readonly [field in Field]: readonly number[] };
  readonly body: readonly string[];
  readonly stateUnderReview: readonly string[];
  /** null responses are coded as NO_RESPONSE, the value the facet shows and the filter takes. */
  readonly response: readonly string[];
  readonly symbol: readonly string[];
  readonly paragraph: readonly string[];
  readonly recommendingStates: readonly string[];
  readonly themes: readonly string[];
  readonly affectedPersons: readonly string[];
}

export interface LibraryIndex {
  /** workspace_id, or SHARED_LIBRARY_KEY. */
  readonly key: string;
  /** The library_revisions value this copy was read at. */
  readonly revision: string;
  readonly size: number;
  /** Ascending, so a row is found by binary search. */
  readonly seq: Float64Array;
  /** row by seq − seq[0], −1 for gaps; null when seqs are too sparse for a table to pay. */
  readonly rowBySeq: Int32Array | null;
  readonly body: Int32Array;
  readonly stateUnderReview: Int32Array;
  readonly response: Int32Array;
  readonly symbol: Int32Array;
  readonly paragraph: Int32Array;
  /** 0 when the record has no cycle (cycles start at 1). */
  readonly cycle: Int32Array;
  /** The largest cycle and goal number present, to size counting arrays. */
  readonly maxCycle: number;
  readonly maxSdg: number;
  /** Days since 1970-01-01, or NO_DATE. */
  readonly date: Int32Array;
  readonly recommendingStates: MultiColumn;
  readonly themes: MultiColumn;
  readonly affectedPersons: MultiColumn;
  /** The goal numbers themselves, not codes. */
  readonly sdgGoals: MultiColumn;
  readonly labels: LibraryLabels;
  /** Every row number, ascending: what an unfiltered browse matches. */
  readonly all: Int32Array;
  /** Rows in browse order; position[row] is the row's place in it. */
  readonly order: Int32Array;
  readonly position: Int32Array;
  /** Per paragraph code, a key that sorts "186.9" before "186.60". */
  readonly paragraphKey: readonly string[];
}

/** Sorts after every real date when newest come first. */
export const NO_DATE = -2_147_483_648;

/** One row as a loader reads it. */
export interface IndexRow {
  seq: number;
  body: string;
  stateUnderReview: string;
  cycle: number | null;
  response: string;
  date: number;
  symbol: string;
  paragraph: string;
  recommendingStates: readonly string[];
  themes: readonly string[];
  affectedPersons: readonly string[];
  sdgGoals: readonly number[];
}

class Dictionary {
  readonly labels: string[] = [];
  readonly codes = new Map<string, number>();
  readonly compound: number[] = [];
  code(label: string): number {
    let code = this.codes.get(label);
    if (code === undefined) {
      code = this.labels.push(label) - 1;
      this.codes.set(label, code);
      if (label.includes(" | ")) this.compound.push(code);
    }
    return code;
  }
}

class MultiBuilder {
  private readonly start: Int32Array;
  private values: number[] = [];
  constructor(size: number, private readonly dictionary: Dictionary | null) {
    this.start = new Int32Array(size + 1);
  }
  add(row: number, items: readonly (string | number)[]) {
    for (const item of items) this.values.push(this.dictionary ? this.dictionary.code(String(item)) : Number(item));
    this.start[row + 1] = this.values.length;
  }
  build(): MultiColumn {
    return { start: this.start, values: Int32Array.from(this.values) };
  }
}

/** Digit runs compare as numbers: each is prefixed by its length ("186.60" → "3186.260"). */
function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => {
    const number = digits.replace(/^0+(?=\d)/, "");
    return String.fromCharCode(0x30 + Math.min(number.length, 0x4f)) + number;
  });
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Fills an index row by row; rows must arrive in ascending seq. */
export class LibraryIndexBuilder {
  private row = 0;
  private maxCycle = 0;
  private maxSdg = 0;
  private readonly dictionaries = {
    body: new Dictionary(),
    stateUnderReview: new Dictionary(),
    response: new Dictionary(),
    symbol: new Dictionary(),
    paragraph: new Dictionary(),
    recommendingStates: new Dictionary(),
    themes: new Dictionary(),
    affectedPersons: new Dictionary(),
  };
  private readonly seq: Float64Array;
  private readonly scalars;
  private readonly multi;

  constructor(private readonly size: number) {
    this.seq = new Float64Array(size);
    const column = () => new Int32Array(size);
    this.scalars = { body: column(), stateUnderReview: column(), response: column(), symbol: column(), paragraph: column(), cycle: column(), date: column() };
    const d = this.dictionaries;
    this.multi = {
      recommendingStates: new MultiBuilder(size, d.recommendingStates),
      themes: new MultiBuilder(size, d.themes),
      affectedPersons: new MultiBuilder(size, d.affectedPersons),
      sdgGoals: new MultiBuilder(size, null),
    };
  }

  add(row: IndexRow): void {
    const r = this.row++;
    const { scalars: s, dictionaries: d, multi: m } = this;
    if (r > 0 && row.seq <= this.seq[r - 1]!) throw new Error("library index rows must come in ascending seq");
    this.seq[r] = row.seq;
    s.body[r] = d.body.code(row.body);
    s.stateUnderReview[r] = d.stateUnderReview.code(row.stateUnderReview);
    s.response[r] = d.response.code(row.response);
    s.symbol[r] = d.symbol.code(row.symbol);
    s.paragraph[r] = d.paragraph.code(row.paragraph);
    // Only a hand-written row could hold a cycle or goal below 1; it counts as none.
    s.cycle[r] = Math.max(row.cycle ?? 0, 0);
    this.maxCycle = Math.max(this.maxCycle, s.cycle[r]!);
    s.date[r] = row.date;
    m.recommendingStates.add(r, row.recommendingStates);
    m.themes.add(r, row.themes);
    m.affectedPersons.add(r, row.affectedPersons);
    m.sdgGoals.add(r, row.sdgGoals.filter((goal) => goal > 0));
    for (const goal of row.sdgGoals) this.maxSdg = Math.max(this.maxSdg, goal);
  }

  build(key: string, revision: string): LibraryIndex {
    if (this.row !== this.size) throw new Error(`library index expected ${this.size} rows, got ${this.row}`);
    const { scalars: s, dictionaries: d } = this;
    const paragraphKey = d.paragraph.labels.map(naturalKey);
    // Browse order compares ranks of the sorted dictionaries, so sorting 100,000 rows compares
    // integers, not strings.
    const symbolRank = ranks(d.symbol.labels);
    const paragraphRank = ranks(paragraphKey);
    const all = new Int32Array(this.size);
    for (let row = 0; row < this.size; row++) all[row] = row;
    const order = all.slice().sort(
      (a, b) =>
        s.date[b]! - s.date[a]! ||
        symbolRank[s.symbol[a]!]! - symbolRank[s.symbol[b]!]! ||
        paragraphRank[s.paragraph[a]!]! - paragraphRank[s.paragraph[b]!]! ||
        a - b,
    );
    const position = new Int32Array(this.size);
    order.forEach((row, place) => (position[row] = place));
    const multi = Object.fromEntries(Object.entries(this.multi).map(([name, builder]) => [name, builder.build()])) as Record<keyof typeof this.multi, MultiColumn>;
    const each = (part: (dictionary: Dictionary) => unknown) => Object.fromEntries(Object.entries(d).map(([name, dictionary]) => [name, part(dictionary)]));
    const labels = { ...each((x) => x.labels), codes: each((x) => x.codes), compound: each((x) => x.compound) } as unknown as LibraryLabels;
    const { maxCycle, maxSdg } = this;
    return { key, revision, size: this.size, seq: this.seq, rowBySeq: seqTable(this.seq), ...s, maxCycle, maxSdg, ...multi, labels, all, order, position, paragraphKey };
  }
}

function ranks(labels: readonly string[]): Int32Array {
  const sorted = labels.map((_, code) => code).sort((a, b) => byCodeUnits(labels[a]!, labels[b]!));
  const rank = new Int32Array(labels.length);
  sorted.forEach((code, place) => (rank[code] = place));
  return rank;
}

/** The row holding `seq`, or -1 (a row written after this copy was read). */
export function findRow(index: LibraryIndex, seq: number): number {
  const { rowBySeq } = index;
  if (rowBySeq) {
    const at = seq - index.seq[0]!;
    return at >= 0 && at < rowBySeq.length ? rowBySeq[at]! : -1;
  }
  let low = 0;
  let high = index.size - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = index.seq[middle]!;
    if (value === seq) return middle;
    if (value < seq) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

// A library imported in one go holds consecutive seqs; re-imports and deletes leave gaps.
function seqTable(seq: Float64Array): Int32Array | null {
  const span = seq.length === 0 ? 0 : seq[seq.length - 1]! - seq[0]! + 1;
  if (span === 0 || span > 4 * seq.length + 1024) return null;
  const table = new Int32Array(span).fill(-1);
  seq.forEach((value, row) => (table[value - seq[0]!] = row));
  return table;
}

/** Browse order across two libraries: newest first, then symbol, paragraph, seq. */
export function compareAcross(a: LibraryIndex, rowA: number, b: LibraryIndex, rowB: number): number {
  if (a === b) return a.position[rowA]! - a.position[rowB]!;
  return (
    b.date[rowB]! - a.date[rowA]! ||
    byCodeUnits(a.labels.symbol[a.symbol[rowA]!]!, b.labels.symbol[b.symbol[rowB]!]!) ||
    byCodeUnits(a.paragraphKey[a.paragraph[rowA]!]!, b.paragraphKey[b.paragraph[rowB]!]!) ||
    a.seq[rowA]! - b.seq[rowB]!
  );
}
