import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { STARTER_PLACEHOLDERS, TEMPLATES, templateDocument } from "../../templates";
import { documentSchema } from "../editor";
import { EMPTY_COVER, type Cover } from "../editor/cover";
import { inEnglishFindings } from "../../test/i18n/english";
import { disclosureFindings as disclosureFindingsRaw, isDisclosureFinding } from "./disclosure-rules";
import { placeholdersIn } from "./placeholders";
import type { CoverOrganisation } from "./structure-rules";

/** The rule's findings as an English reader reads them (messages are catalogue ids: finding.ts). */
const disclosureFindings = (...args: Parameters<typeof disclosureFindingsRaw>) => inEnglishFindings(disclosureFindingsRaw(...args));

const schema = documentSchema();
const HIDDEN: CoverOrganisation = { id: "o1", name: "Hidden Defenders Collective", acronym: "HDC", confidential: true };
const OPEN: CoverOrganisation = { id: "o2", name: "Ghana Press Network", acronym: "GPN", confidential: false };

const text = (value: string, marks?: string[]) => schema.text(value, marks?.map((m) => schema.marks[m]!.create()));
const para = (...content: Array<string | PMNode>) => schema.nodes.paragraph!.create(null, content.map((c) => (typeof c === "string" ? text(c) : c)));
const note = (id: string, ...content: Array<string | PMNode>) => schema.nodes.footnote!.create({ id }, content.map((c) => (typeof c === "string" ? text(c) : c)));
const doc = (...blocks: PMNode[]) => schema.nodes.doc!.create(null, blocks);

function check(body: PMNode, options: { organisations?: CoverOrganisation[]; placeholders?: readonly string[]; cover?: Partial<Cover> } = {}) {
  return disclosureFindings(body, { organisations: options.organisations ?? [HIDDEN, OPEN], placeholders: options.placeholders ?? STARTER_PLACEHOLDERS, cover: { ...EMPTY_COVER, ...options.cover } });
}

/** What each finding covers in the document, as written there. */
const covered = (body: PMNode, findings: ReturnType<typeof check>) => findings.map((f) => body.textBetween(f.location!.from, f.location!.to, "\n", (leaf) => String(leaf.attrs.label ?? "")));

describe("confidential organisations in the text", () => {
  it("finds the name in any case and spacing, across marks, as a whole phrase, with where it is", () => {
    const body = doc(para("Reported by the "), para("HIDDEN DEFENDERS\u00a0collective, and by ", text("Hidden ", ["bold"]), "Defenders  Collective."));
    const findings = check(body);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ["confidential.mention", "error"],
      ["confidential.mention", "error"],
    ]);
    expect(covered(body, findings)).toEqual(["HIDDEN DEFENDERS\u00a0collective", "Hidden Defenders  Collective"]);
    expect(findings[0]!.message).toBe("This names “HIDDEN DEFENDERS\u00a0collective”, which this workspace marks confidential: the file must not name it. Remove or reword the mention.");
  });

  it("finds the acronym as written or in capitals, as a whole word, but not inside UN symbols", () => {
    const body = doc(para("HDC documented it (HDC’s report); the HDC-led survey too. Not hdc, HDCs, THDC or A/HDC/41/5."));
    const findings = check(body);
    expect(covered(body, findings)).toEqual(["HDC", "HDC", "HDC"]);
    expect(findings[0]!.message).toContain("“HDC”, the acronym of Hidden Defenders Collective,");
    const mixed = check(doc(para("FoE and FOE spoke; the foe did not.")), { organisations: [{ id: "f", name: "Friends of Equality", acronym: "FoE", confidential: true }] });
    expect(mixed).toHaveLength(2);
  });

  it("does not flag ordinary text for acronyms that are common words, short ones, or one letter", () => {
    const organisations: CoverOrganisation[] = [
      { id: "c", name: "Centre for Accountability and Rights Education", acronym: "CARE", confidential: true },
      { id: "u", name: "Union of Nurses", acronym: "UN", confidential: true },
      { id: "a", name: "Alpha", acronym: "A", confidential: true },
      { id: "h", name: "Hope", acronym: "", confidential: true },
    ];
    const ordinary = doc(
      para("Health care is a right; we hope the State will take care of it. The United Nations (UNDP, UNICEF) and unions were heard, unfairly. A law was passed."),
      para("Centre for Accountability work is public, and rights education is a duty.", note("n1", "See A/HRC/41/5, para. 3; alpha test.")),
    );
    expect(check(ordinary, { organisations })).toEqual([]);
    // Written as a name, they are found: in capitals, and a one-word name as written.
    const named = doc(para("CARE and the UN body; Hope said so; the Union of Nurses (Alpha) agreed."));
    expect(covered(named, check(named, { organisations }))).toEqual(["CARE", "UN", "Hope", "Union of Nurses", "Alpha"]);
  });

  it("reads footnotes, citation labels and quoted recommendations, each placed in its note or block", () => {
    const citation = schema.nodes.citation!.create({ sourceId: "s1", label: "HDC, Annual report 2024", pinpoint: "" });
    const recommendation = schema.nodes.recommendation!.create({ text: "Protect the Hidden Defenders Collective.", symbol: "A/HRC/41/5", paragraph: "1" });
    const body = doc(para("Plain text.", note("n1", "Interview with the hidden defenders collective.")), para("More.", note("n2", citation, ".")), recommendation);
    const findings = check(body);
    expect(findings.map((f) => f.location?.footnoteId)).toEqual(["n1", "n2", undefined]);
    expect(covered(body, findings.slice(0, 2))).toEqual(["hidden defenders collective", "HDC, Annual report 2024"]);
    const block = body.child(2);
    const start = body.content.size - block.nodeSize;
    expect(findings[2]!.location).toEqual({ from: start, to: start + block.nodeSize });
  });

  it("reports a cover line that names it, and never an organisation that is not confidential", () => {
    const findings = check(doc(para("The Ghana Press Network (GPN) reported it.")), { cover: { contact: "amina@hdc.example, HDC", title: "Joint submission" } });
    expect(findings).toEqual([
      { rule: "cover.confidential-mention", severity: "error", message: expect.stringMatching(/^The cover's contact names “HDC”, the acronym of Hidden Defenders Collective,/), location: null },
    ]);
    expect(check(doc(para("Hidden Defenders Collective.")), { organisations: [{ ...HIDDEN, confidential: false }], placeholders: [] })).toEqual([]);
  });
});

describe("template placeholders left in the text", () => {
  it("are read from the templates' starter content, not listed by hand", () => {
    expect(STARTER_PLACEHOLDERS).toEqual(expect.arrayContaining(["[Organisation]", "[ACRONYM]", "[A specific, measurable action.]"]));
    for (const placeholder of STARTER_PLACEHOLDERS) expect(placeholder).toMatch(/^\[[^[\]]+\]$/);
  });

  it("are reported in every template's fresh document, one finding per placeholder written", () => {
    for (const template of TEMPLATES) {
      const fresh = schema.nodeFromJSON(templateDocument(template));
      const written = placeholdersIn(fresh.textBetween(0, fresh.content.size, "\n")).length;
      const findings = check(fresh, { organisations: [] });
      expect(findings.every((f) => f.rule === "placeholder.left" && isDisclosureFinding(f)), template.slug).toBe(true);
      expect(findings.length, template.slug).toBe(written);
      expect(covered(fresh, findings).every((p) => STARTER_PLACEHOLDERS.includes(p)), template.slug).toBe(true);
    }
  });

  it("are found in notes too, and editorial brackets are left alone", () => {
    const body = doc(para("The law “[does] not apply” [emphasis added] [sic].", note("n1", "Source: [Organisation] report.")), para("Made by [organisation] ([ACRONYM])."));
    const findings = check(body, { organisations: [] });
    expect(covered(body, findings)).toEqual(["[Organisation]", "[organisation]", "[ACRONYM]"]);
    expect(findings[0]!.location?.footnoteId).toBe("n1");
    expect(findings[0]!.message).toBe("The template's placeholder “[Organisation]” is still in the text: write what it asks for, or delete it.");
  });
});
