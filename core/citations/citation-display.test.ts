import { describe, expect, it } from "vitest";
import { documentSchema } from "../editor";
import { computeNumbering } from "../editor/numbering";
import { recommendationNode } from "../editor/nodes/recommendation";
import { citationDisplays } from "./citation-display";

const schema = documentSchema();
const cite = (sourceId: string, label: string, pinpoint = "") => schema.nodes.citation!.create({ sourceId, label, pinpoint });
const note = (id: string, ...content: Array<ReturnType<typeof cite> | string>) =>
  schema.nodes.footnote!.create({ id }, content.map((c) => (typeof c === "string" ? schema.text(c) : c)));
const docOf = (...notes: ReturnType<typeof note>[]) => schema.nodes.doc!.create(null, [schema.nodes.paragraph!.create(null, [schema.text("Claim."), ...notes])]);

const UPR = ["s1", "A/HRC/25/5"] as const;
const CEDAW = ["s2", "CEDAW/C/CHN/CO/7-8"] as const;

describe("citationDisplays", () => {
  it("reads a citation as its label and UN-style pinpoint", () => {
    const displays = citationDisplays(docOf(note("a", cite(...UPR, "para 186.60"), ".")));
    expect(displays.get("a")).toEqual(["A/HRC/25/5, para. 186.60"]);
  });

  it("computes Ibid. when a note cites only the one source the note before cited alone", () => {
    const doc = docOf(note("a", cite(...CEDAW, "27 (d)"), "."), note("b", cite(...CEDAW, "para. 55"), "."), note("c", cite(...CEDAW, "para. 55"), "."));
    expect(citationDisplays(doc).get("b")).toEqual(["Ibid., para. 55"]);
    expect(citationDisplays(doc).get("c")).toEqual(["Ibid."]);
  });

  it("never after a note that cites several sources, nor when the note says more", () => {
    const doc = docOf(
      note("a", "See ", cite(...UPR, "para. 186.60"), "; ", cite(...CEDAW, "para. 27"), "."),
      note("b", cite(...CEDAW, "para. 27"), "."),
      note("c", "See also ", cite(...CEDAW, "para. 28"), "."),
    );
    const displays = citationDisplays(doc);
    expect(displays.get("b")).toEqual(["CEDAW/C/CHN/CO/7-8, para. 27"]);
    expect(displays.get("c")).toEqual(["CEDAW/C/CHN/CO/7-8, para. 28"]);
  });

  it("changes when notes move: the first note is never Ibid.", () => {
    const first = note("a", cite(...UPR, "para. 1"), ".");
    const second = note("b", cite(...UPR, "para. 2"), ".");
    expect(citationDisplays(docOf(first, second)).get("b")).toEqual(["Ibid., para. 2"]);
    expect(citationDisplays(docOf(second, first)).get("b")).toEqual(["A/HRC/25/5, para. 2"]);
  });

  it("numbers a recommendation's automatic footnote with the others", () => {
    const quoted = recommendationNode(
      schema,
      { libraryId: "r1", text: "Keep up its commitment", body: "UPR", symbol: "A/HRC/25/5", paragraph: "186.60", recommendingStates: "Ghana", response: "supported", cycle: "2" },
      { sourceId: "s1", label: "A/HRC/25/5", pinpoint: "para. 186.60" },
    );
    const doc = schema.nodes.doc!.create(null, [schema.nodes.paragraph!.create(null, [schema.text("Before."), note("a", cite(...UPR, "para. 1"), ".")]), quoted]);
    doc.check();
    const numbering = computeNumbering(doc);
    expect([...numbering.footnotes.values()]).toEqual([1, 2]);
    const id = String(quoted.firstChild!.attrs.id);
    expect(citationDisplays(doc).get(id)).toEqual(["Ibid., para. 186.60"]);
  });
});
