import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCover } from "../../core/editor";
import { appendDraftUpdates } from "../../db/queries/draft-documents";
import { findTemplate } from "../../templates";
import { describeEachDatabase } from "../../test/db/test-database";
import { buildTemplatedDraft } from "../../test/draft-content-factories";
import { buildWorkspace } from "../../test/factories";
import { footnoteTexts, headings, numberedParagraphs, toNode } from "../../test/fixtures/import/compare";
import { ACCEPTED_SUBMISSION, acceptedSubmissionDocx, plainText } from "../../test/fixtures/submissions/accepted-submission";
import { buildWordDraft } from "../import/word-draft";
import { readDocx } from "../import/docx";
import type { DraftCheck } from "./check-draft";
import { checkDraft } from "./check-draft";

/**
 * Issue 17's calibration: a UPR submission that OHCHR accepted, within its limit, with headings of
 * its own, must pass the pre-flight check with no errors, from the command line and in the app.
 */
const template = findTemplate("upr-individual")!;
const { blocks, footnotes } = ACCEPTED_SUBMISSION;
const paragraphs = blocks.flatMap((b) => (b.type === "paragraph" ? [b] : []));
const listItems = blocks.flatMap((b) => (b.type === "list" ? b.items : []));

/** Words as Word counts English text: each run between spaces with a letter or digit (decision 008). */
const englishWords = (texts: string[]) => texts.flatMap((t) => plainText(t).split(/\s+/)).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const BODY_WORDS = englishWords([...paragraphs.map((p) => p.text), ...listItems]);

let dir = "";
let file = "";
let bytes: Uint8Array;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "caucus-accepted-"));
  file = join(dir, "upr-china-2018.docx");
  bytes = await acceptedSubmissionDocx();
  writeFileSync(file, bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run check -- --file … --template upr-individual`, as a coordinator runs it. */
const npmRunCheck = (...extra: string[]) => npmRunCheckWith({}, ...extra);

/** The same with more environment: LANG and LC_ALL choose the report's language when no --lang does. */
const npmRunCheckWith = (env: Record<string, string>, ...extra: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile("npm", ["run", "--silent", "check", "--", "--file", file, "--template", "upr-individual", ...extra], { env: { ...process.env, LC_ALL: "", LC_MESSAGES: "", LANG: "C.UTF-8", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", ...env }, timeout: 90_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    ),
  );

describe("the accepted UPR submission as its Word file", () => {
  it("is read with its five headings, 28 numbered paragraphs and 11 real footnotes", () => {
    const doc = toNode(readDocx(bytes).doc);
    expect(headings(doc)).toEqual(blocks.flatMap((b) => (b.type === "heading" ? [[1, b.text]] : [])));
    expect(headings(doc)).toHaveLength(5);
    expect(numberedParagraphs(doc)).toEqual(paragraphs.map((p) => [p.number, plainText(p.text)]));
    expect(numberedParagraphs(doc)).toHaveLength(28);
    expect(footnoteTexts(doc)).toEqual(footnotes);
    expect(footnotes).toHaveLength(11);
  });

  it("passes `npm run check -- --file` with no errors and exit code 0, its body words counted right", async () => {
    const result = await npmRunCheck("--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const check = JSON.parse(result.stdout) as DraftCheck;
    expect(check.report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(check.totals.errors).toBe(0);
    expect(check.report.words.body).toBe(BODY_WORDS);
    expect(BODY_WORDS).toBeGreaterThan(2500);
    expect(check.report.words.counted).toBeLessThanOrEqual(2815);
    // The template's sections it does not use are mentioned, softly.
    expect(check.report.findings.filter((f) => f.rule === "structure.section-missing").map((f) => f.severity)).toEqual(["warning", "warning", "warning"]);
    // The text report says the same, in plain English.
    const text = await npmRunCheck();
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\n0 errors, \d+ warnings?, \d+ suggestions?\.\n$/);
  }, 120_000);

  it("prints the same report in French with `--lang fr`: headings, counts, places and findings", async () => {
    const result = await npmRunCheck("--lang", "fr");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[1]).toBe("Modèle\u00a0: UPR stakeholder submission — one organisation");
    // French writes thousands with a narrow no-break space: "2 731 sur 2 815 mots".
    expect(lines[2]).toMatch(/^\d\u202f\d{3} sur 2\u202f815 mots · notes de bas de page comptées · \d+ mots? de marge$/);
    expect(result.stdout).toMatch(/\nAvertissements \(\d+\)\n/);
    expect(result.stdout).toContain("  tout le projet  La section «\u00a0Recommendations\u00a0» du modèle manque.");
    expect(result.stdout).toMatch(/\n {2}note \d+ +Un appel de note précède «\u00a0[.,]\u00a0»\. En anglais/);
    // No error: "0 erreur" (French counts zero in the singular), then the warnings and suggestions.
    expect(result.stdout).toMatch(/\n0 erreur, \d+ avertissements?, \d+ suggestions?\.\n$/);
    expect(result.stdout).not.toMatch(/\b(?:errors|warnings|whole draft|words)\b/);
  }, 120_000);

  it("prints it in Arabic with `--lang ar`, and JSON with each message's id, values and Arabic text", async () => {
    const text = await npmRunCheck("--lang", "ar");
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    const lines = text.stdout.split("\n");
    expect(lines[1]).toBe("النموذج: UPR stakeholder submission — one organisation");
    expect(lines[2]).toMatch(/^[\d,]+ من أصل 2,815 كلمة · الحواشي محسوبة · يتبقى هامش/);
    expect(text.stdout).toMatch(/\nالتحذيرات \(\d+\)\n/);
    expect(text.stdout).toContain("\n  المسودة كلها    فرع النموذج «Recommendations» غير موجود.");
    expect(text.stdout).toMatch(/\n {2}الحاشية \d+ +تأتي علامة حاشية قبل/);
    expect(text.stdout).toMatch(/\nلا أخطاء، .+\.\n$/);

    const json = await npmRunCheck("--lang", "ar", "--json");
    expect(json.code).toBe(0);
    const check = JSON.parse(json.stdout) as {
      language: string;
      report: { findings: Array<{ rule: string; message: { id: string; values: Record<string, unknown>; text: string }; where: { id: string; text: string } }> };
      summary: { totals: { id: string; text: string } };
    };
    expect(check.language).toBe("ar");
    const missing = check.report.findings.find((f) => f.rule === "structure.section-missing")!;
    expect(missing.message).toMatchObject({ id: "checks.section.missingWord", values: { title: expect.any(String) }, text: expect.stringMatching(/^فرع النموذج «.+» غير موجود\./) });
    expect(missing.where).toEqual({ id: "checks.place.wholeDraft", text: "المسودة كلها" });
    expect(check.summary.totals).toMatchObject({ id: "checks.summary.totals", text: expect.stringMatching(/^لا أخطاء، /) });
  }, 120_000);

  it("speaks the language LC_ALL or LANG names when there is no --lang, and refuses one it does not speak", async () => {
    const spanish = await npmRunCheckWith({ LANG: "es_ES.UTF-8" });
    expect(spanish.code).toBe(0);
    expect(spanish.stdout).toMatch(/\n0 errores, \d+ advertencias?, \d+ sugerencias?\.\n$/);
    const refused = await npmRunCheckWith({ LC_ALL: "fr_FR.UTF-8" }, "--lang", "de");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^npm run check: «\u00a0de\u00a0» n'est pas une langue du rapport/);
    expect(refused.stderr).toContain("usage\u00a0: npm run check -- <identifiant du projet> [--json] [--lang en|fr|es|ar]");
  }, 120_000);
});

describeEachDatabase("the accepted UPR submission imported as a draft", (handle) => {
  it("has no errors in the app's check (checkDraft), with the cover filled in", async () => {
    const world = await buildWorkspace(handle());
    const draft = await buildTemplatedDraft(handle(), { workspaceId: world.workspace.id, createdBy: world.members.owner.id, template: "upr-individual", stateUnderReview: "CHN", title: "China: UPR submission, 2018" });
    // What the Word import stores: the body read through the template's sections, then the cover as its own update.
    const built = buildWordDraft(bytes, template);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, built.state);
    writeCover(ydoc, { title: "China: UPR submission, 2018", stateUnderReview: "CHN", organisations: [world.organisation.id], contact: "lead@example.org", language: "en" });
    await appendDraftUpdates(handle().db, [{ draftId: draft.id, update: Y.encodeStateAsUpdate(ydoc), userId: null }]);
    ydoc.destroy();

    const check = (await checkDraft(handle().db, draft.id))!;
    expect(check.report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(check.totals.errors).toBe(0);
    expect(check.report.words.body).toBe(BODY_WORDS);
  });
});
