import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import footnotes from "../../test/fixtures/citation-footnotes.json";
import real from "../../test/fixtures/un-symbols.json";
import { documentSchema } from "../editor";
import { inEnglishFindings } from "../../test/i18n/english";
import { symbolFindings as symbolFindingsRaw } from "./symbol-rules";

/** The rule's findings as an English reader reads them (messages are catalogue ids: finding.ts). */
const symbolFindings = (...args: Parameters<typeof symbolFindingsRaw>) => inEnglishFindings(symbolFindingsRaw(...args));

const schema = documentSchema();
const docWith = (body: string, note?: string) =>
  schema.nodes.doc!.create(null, [
    schema.nodes.paragraph!.create(null, [schema.text(body), ...(note ? [schema.nodes.footnote!.create({ id: "n1" }, schema.text(note))] : [])]),
  ]);

/** Applies a finding's fix to the document's text, as the panel's one-click fix does. */
function applied(doc: ReturnType<typeof docWith>, index = 0): string {
  const fix = symbolFindings(doc)[index]!.fix!;
  return EditorState.create({ schema, doc }).tr.insertText(fix.text, fix.from, fix.to).doc.textContent;
}

describe("symbol and pinpoint rules", () => {
  it("find nothing in well-written references", () => {
    expect(symbolFindings(docWith("As the Committee said (CEDAW/C/CHN/CO/7-8, para. 27 (d)).", "A/HRC/25/5, paras. 186.60 and 186.61."))).toEqual([]);
  });

  it("suggest the UN's form of a symbol, with a fix", () => {
    const doc = docWith("See A/HRC/25/5/add.1 on the responses.");
    const [finding] = symbolFindings(doc);
    expect(finding).toMatchObject({ rule: "symbol.normalise", severity: "warning", message: "The UN writes “A/HRC/25/5/add.1” as “A/HRC/25/5/Add.1”." });
    expect(applied(doc)).toBe("See A/HRC/25/5/Add.1 on the responses.");
  });

  it("normalise an en dash in a combined report number, in a note, naming the note", () => {
    const doc = docWith("Claim.", "CEDAW/C/CHN/CO/7–8, para. 27.");
    const [finding] = symbolFindings(doc);
    expect(finding).toMatchObject({ rule: "symbol.normalise", location: { footnoteId: "n1" } });
    expect(finding!.fix!.text).toBe("CEDAW/C/CHN/CO/7-8");
  });

  it("report a symbol that does not parse", () => {
    const found = symbolFindings(docWith("See A/HRC/25 and A/HRC/WG.6/17 for the compilation.", "CEDAW/C/CHN/CO/7-8, para. 1."));
    expect(found.map((f) => [f.rule, f.location?.footnoteId])).toEqual([
      ["symbol.invalid", undefined],
      ["symbol.invalid", undefined],
    ]);
    expect(found[0]!.message).toContain("names a session");
  });

  it("write para. with a full stop and a space", () => {
    const doc = docWith("Claim.", "A/HRC/25/5, para 186.60.");
    const [finding] = symbolFindings(doc);
    expect(finding).toMatchObject({ rule: "pinpoint.format", severity: "info" });
    expect(applied(doc)).toBe("Claim.A/HRC/25/5, para. 186.60.");
    expect(symbolFindings(docWith("paras.3 and 4")).map((f) => f.fix?.text)).toEqual(["paras. "]);
  });

  it("report a malformed symbol in words, with the one-click fix where the correction is certain", () => {
    const doc = docWith("Claim.", "See CEDAW/CHN/CO/7-8, para. 27.");
    const [finding] = symbolFindings(doc);
    expect(finding).toMatchObject({ rule: "symbol.invalid", severity: "warning", location: { footnoteId: "n1" } });
    expect(finding!.message).toBe("“CEDAW/CHN/CO/7-8”: The Committee's symbols have “/C/” after “CEDAW” (CEDAW/C/…).");
    expect(applied(doc)).toBe("Claim.See CEDAW/C/CHN/CO/7-8, para. 27.");
  });

  it("flag the run-together CHNMAC whole, and offer CHN-MAC", () => {
    const doc = docWith("Claim.", "Macao, China (E/C.12/CHNMAC/2).");
    const [finding] = symbolFindings(doc);
    expect(finding).toMatchObject({ rule: "symbol.invalid", fix: { text: "E/C.12/CHN-MAC/2" } });
    expect(doc.textBetween(finding!.location!.from, finding!.location!.to)).toBe("E/C.12/CHNMAC/2");
  });

  it("report an impossible session without a fix, and a country to check as such", () => {
    const [session] = symbolFindings(docWith("See A/HRC/255/5."));
    expect(session).toMatchObject({ rule: "symbol.invalid" });
    expect(session!.message).toContain("Session 255 of the Human Rights Council has not taken place");
    expect(session!.fix).toBeUndefined();
    const [country] = symbolFindings(docWith("See CAT/C/XYZ/CO/5."));
    expect(country).toMatchObject({ rule: "symbol.check", severity: "warning", message: "“CAT/C/XYZ/CO/5”: “XYZ” is not the ISO code of a UN member or observer State." });
    // Another organisation's series (the European Commission's) may be right: only a suggestion to check.
    expect(symbolFindings(docWith("See COM/2020/123."))).toMatchObject([{ rule: "symbol.check", severity: "info" }]);
  });

  it("say nothing of the symbols in 242 real footnotes but the slips their writers made", () => {
    const doc = schema.nodes.doc!.create(
      null,
      footnotes.footnotes.map((note, i) => schema.nodes.paragraph!.create(null, [schema.text(`Sentence ${i + 1}.`), schema.nodes.footnote!.create({ id: `n${i}` }, schema.text(note))])),
    );
    const flagged = symbolFindings(doc)
      .filter((f) => f.rule.startsWith("symbol."))
      .map((f) => doc.textBetween(f.location!.from, f.location!.to));
    expect([...new Set(flagged)].sort()).toEqual(real.typos.map((t) => t.written).sort());
  });
});
