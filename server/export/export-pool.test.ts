import { afterAll, describe, expect, it } from "vitest";
import { documentSchema, UN_HEADING_NUMBERING } from "../../core/editor";
import { exportModel } from "../../core/export/export-model";
import type { ExportCover } from "../../core/export/export-cover";
import { pdfToolsAvailable } from "../../test/export-tools";
import { ExportFailed, ExportPool } from "./export-pool";
import type { ExportJob } from "./export-job";

const doc = documentSchema().nodeFromJSON({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Ghana supported recommendation 186.60." }, { type: "footnote", attrs: { id: "n1" }, content: [{ type: "text", text: "A/HRC/25/5, para. 186.60." }] }] }],
});
const model = exportModel(doc, { language: "en", headingNumbering: UN_HEADING_NUMBERING });
const cover: ExportCover = { title: "Joint submission", mechanism: "Universal Periodic Review", session: "", stateUnderReview: "Ghana", organisations: ["Ghana Human Rights Network (GHRN)"], contact: "", date: "" };
const docx: ExportJob = { format: "docx", model, cover, options: {} };
const pdf: ExportJob = { format: "pdf", model, cover, options: {} };

const pools: ExportPool[] = [];
const pool = (options: Partial<ConstructorParameters<typeof ExportPool>[0]> = {}) => {
  const created = new ExportPool({ size: 1, timeoutMs: 60_000, maxOutputBytes: 50_000_000, ...options });
  pools.push(created);
  return created;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe.runIf(pdfToolsAvailable())("the export worker pool", () => {
  it("renders DOCX and PDF in a worker thread, one after the other on one worker", async () => {
    const exports = pool();
    const [word, print] = await Promise.all([exports.run(docx), exports.run(pdf)]);
    expect(Buffer.from(word.subarray(0, 2)).toString()).toBe("PK");
    expect(Buffer.from(print.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("stops a job past its time with a clear message, and keeps serving with a fresh worker", async () => {
    const exports = pool();
    await expect(exports.run(pdf, { timeoutMs: 1 })).rejects.toThrow(/took longer than 0.001 s and was stopped/);
    const after = await exports.run(docx);
    expect(Buffer.from(after.subarray(0, 2)).toString()).toBe("PK");
  });

  it("refuses a file over the size bound", async () => {
    await expect(pool({ maxOutputBytes: 100 }).run(docx)).rejects.toThrow(/over the 0.0001 MB limit/);
  });

  it("says why a render failed", async () => {
    const broken = { format: "pdf", model: { ...model, blocks: null }, cover, options: {} } as unknown as ExportJob;
    await expect(pool().run(broken)).rejects.toBeInstanceOf(ExportFailed);
  });
});
