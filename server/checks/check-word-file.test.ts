import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentSchema, UN_HEADING_NUMBERING } from "../../core/editor";
import { exportModel } from "../../core/export/export-model";
import type { ExportCover } from "../../core/export/export-cover";
import { findTemplate } from "../../templates";
import { renderDocx } from "../export/docx";
import { EXIT, parseCheckArgs, runFileCheck, UsageError } from "./check-command";
import { inEnglish } from "../../test/i18n/english";
import type { DraftCheck } from "./check-draft";
import { formatDraftCheck as formatIn } from "./check-report-text";
import { cliTranslator } from "./cli-language";

const formatDraftCheck = (check: DraftCheck) => formatIn(check, cliTranslator("en"));
import { checkWordFile } from "./check-word-file";
import { handTypedDocx } from "../../test/fixtures/import/other-tools";

const text = (value: string) => ({ type: "text", text: value });
// A Word file with problems the checks find in any template: an empty note, a symbol to correct.
const doc = documentSchema().nodeFromJSON({
  type: "doc",
  content: [
    { type: "paragraph", content: [text("The State supported the recommendations in A/HRC/25/5/add.1."), { type: "footnote", attrs: { id: "n1" } }] },
    { type: "paragraph", content: [text("Journalists were detained.")] },
  ],
});
const cover = { title: "Submission", mechanism: "Universal Periodic Review", session: "", stateUnderReview: "", organisations: [], contact: "", date: "" };

function capture() {
  const out = { stdout: "", stderr: "" };
  return { out, output: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

let dir = "";
let docx = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "caucus-check-file-"));
  docx = join(dir, "submission.docx");
  writeFileSync(docx, await renderDocx(exportModel(doc, { language: "en", headingNumbering: UN_HEADING_NUMBERING }), cover));
  writeFileSync(join(dir, "notes.txt"), "not a Word file");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("checking a Word file without storing it", () => {
  it("reads --file and --template, and refuses half of them or both modes", () => {
    expect(parseCheckArgs(["--file", "a.docx", "--template", "upr-joint"])).toEqual({ help: false, file: "a.docx", template: "upr-joint", json: false, lang: "en" });
    expect(() => parseCheckArgs(["--file", "a.docx"])).toThrow(/which template/);
    expect(() => parseCheckArgs(["--template", "upr-joint"])).toThrow(/which Word file/);
    expect(() => parseCheckArgs(["0b6f1c2e-8d4a-4c57-9a61-3e2f7d9b5a10", "--file", "a.docx", "--template", "upr-joint"])).toThrow(UsageError);
  });

  it("prints the findings placed by note and paragraph, and exits 1 on errors", async () => {
    const { out, output } = capture();
    expect(await runFileCheck({ file: docx, template: "upr-individual", json: false }, output, (p) => readFile(p))).toBe(EXIT.errors);
    expect(out.stdout).toMatch(/^submission\.docx\nTemplate: /);
    expect(out.stdout).toMatch(/note 1\s+Note 1 is empty/);
    expect(out.stdout).toContain("A/HRC/25/5/Add.1");
    // The cover rules read the file's cover block (its title and mechanism lines): no contact there.
    expect(out.stdout).toMatch(/cover\s+The cover has no contact/);
  });

  it("recognises the template's sections by their headings' words", async () => {
    const withSections = documentSchema().nodeFromJSON({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1 }, content: [text("Introduction")] },
        { type: "paragraph", content: [text("We are a coalition of twelve organisations.")] },
        { type: "heading", attrs: { level: 1 }, content: [text("Recommendations")] },
        { type: "paragraph", content: [text("Repeal section 104 by 2027.")] },
      ],
    });
    const file = join(dir, "sections.docx");
    writeFileSync(file, await renderDocx(exportModel(withSections, { language: "en", headingNumbering: UN_HEADING_NUMBERING }), cover));
    const { out, output } = capture();
    await runFileCheck({ file, template: "upr-individual", json: true }, output, (p) => readFile(p));
    const missing = (JSON.parse(out.stdout) as { report: { findings: Array<{ rule: string; message: { text: string } }> } }).report.findings.filter((f) => f.rule === "structure.section-missing");
    expect(missing.map((f) => f.message.text).join(" ")).not.toMatch(/“Introduction”|“Recommendations”/);
  });

  it("exits 2 with one sentence for an unknown template or a file that is not a .docx", async () => {
    const template = capture();
    expect(await runFileCheck({ file: docx, template: "upr-nope", json: false }, template.output, (p) => readFile(p))).toBe(EXIT.cannotCheck);
    expect(template.out.stderr).toMatch(/^“upr-nope” is not a template; use one of: .*upr-joint/);
    const notWord = capture();
    expect(await runFileCheck({ file: join(dir, "notes.txt"), template: "upr-joint", json: false }, notWord.output, (p) => readFile(p))).toBe(EXIT.cannotCheck);
    expect(notWord.out.stderr).toMatch(/notes\.txt: .+/);
  });

  it("runs as `npm run check -- --file … --template …` with no database", async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, ["--import", "tsx", "server/checks/check-cli.ts", "--file", docx, "--template", "upr-joint", "--json"], { env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }, timeout: 60_000 }, (error, stdout) =>
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout }),
      ),
    );
    expect(result.code).toBe(EXIT.errors);
    expect(JSON.parse(result.stdout)).toMatchObject({ template: { slug: "upr-joint" }, totals: { errors: expect.any(Number) } });
  });
});

describe("checkWordFile's advice, for a file mended in Word", () => {
  it("words what to do for Word, without the editor's controls or its one-click fixes", async () => {
    const draft = documentSchema().nodeFromJSON({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1 }, content: [text("Introduction")] },
        { type: "paragraph", attrs: { numbered: true }, content: [text("We are a coalition of twelve organisations.")] },
        { type: "paragraph", attrs: { numbered: false }, content: [text("This paragraph was left without a number.")] },
        { type: "paragraph", attrs: { numbered: true }, content: [text("The State supported the recommendations in A/HRC/25/5/add.1.")] },
      ],
    });
    const bytes = new Uint8Array(await renderDocx(exportModel(draft, { language: "en", headingNumbering: UN_HEADING_NUMBERING }), cover));
    const check = checkWordFile(bytes, "submission.docx", findTemplate("upr-individual")!);
    const messages = (rule: string) => check.report.findings.filter((f) => f.rule === rule).map((f) => inEnglish(f.message));

    expect(messages("structure.section-missing")).toContain(
      "The template's section “Recommendations” is missing. Submissions may use headings of their own; if this one belongs, add a heading with its title, in one of Word's Heading styles, and the section's text under it.",
    );
    expect(messages("paragraph.unnumbered")).toEqual(["This paragraph has no number, so it cannot be cited (“JS2, para. 43”): number it with Word's numbering, as the other paragraphs are, unless it is a heading or a lead-in."]);
    // The symbol's finding keeps its message, which says what to write; its editor-only fix is gone.
    expect(messages("symbol.normalise")).toEqual(["The UN writes “A/HRC/25/5/add.1” as “A/HRC/25/5/Add.1”."]);
    for (const finding of check.report.findings) {
      expect(finding).not.toHaveProperty("fix");
      expect(inEnglish(finding.message)).not.toMatch(/editor|toolbar|outline|one-click|¶/);
    }
    expect(formatDraftCheck(check)).not.toMatch(/one-click|editor/);
  });
});

describe("the cover rules on a Word file's cover block", () => {
  const body = documentSchema().nodeFromJSON({ type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [text("Introduction")] }, { type: "paragraph", attrs: { numbered: true }, content: [text("Journalists were detained.")] }] });
  const checkWith = async (printed: ExportCover) =>
    checkWordFile(new Uint8Array(await renderDocx(exportModel(body, { language: "en", headingNumbering: UN_HEADING_NUMBERING }), printed)), "submission.docx", findTemplate("upr-joint")!);
  const coverRules = (check: Awaited<ReturnType<typeof checkWith>>) => check.report.findings.filter((f) => f.rule.startsWith("cover.")).map((f) => `${f.rule}: ${inEnglish(f.message)}`);

  it("leaves the cover rules out for a file with no cover block: a cover laid out otherwise is not missing", async () => {
    const check = checkWordFile(await handTypedDocx(), "typed.docx", findTemplate("upr-joint")!);
    expect(check.report.findings.length).toBeGreaterThan(0);
    expect(coverRules(check)).toEqual([]);
  });

  it("finds nothing to say of a complete joint cover", async () => {
    const check = await checkWith({ ...cover, stateUnderReview: "Ghana", organisations: ["Ghana Press Freedom Network (GPFN)", "Women's Rights Ghana (WRG)"], contact: "Amina Diallo, amina@example.org" });
    expect(coverRules(check)).toEqual([]);
  });

  it("reports what the cover block lacks, in Word's terms", async () => {
    const check = await checkWith({ ...cover, stateUnderReview: "", organisations: ["Ghana Press Freedom Network"], contact: "" });
    expect(coverRules(check)).toEqual([
      "cover.state: The cover names no State under review: a submission covers exactly one State.",
      "cover.contact: The cover has no contact: OHCHR writes to the lead organisation's contact.",
      "cover.organisations: A joint submission lists every co-submitting organisation on its cover; this one names fewer than two.",
      "cover.acronym: “Ghana Press Freedom Network” has no acronym: OHCHR cites joint submissions and their members by acronym. Write it after the name on the cover, as “Name (ACR)”.",
    ]);
  });
});
