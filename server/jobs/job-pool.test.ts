import { message } from "../../core/i18n/message";
import { afterAll, describe, expect, it } from "vitest";
import { documentSchema, UN_HEADING_NUMBERING } from "../../core/editor";
import { exportModel } from "../../core/export/export-model";
import type { ExportCover } from "../../core/export/export-cover";
import { pdfToolsAvailable } from "../../test/export-tools";
import { JobFailed, JobPool } from "./job-pool";
import type { ExportJob } from "../export/export-job";

const doc = documentSchema().nodeFromJSON({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Ghana supported recommendation 186.60." }, { type: "footnote", attrs: { id: "n1" }, content: [{ type: "text", text: "A/HRC/25/5, para. 186.60." }] }] }],
});
const model = exportModel(doc, { language: "en", headingNumbering: UN_HEADING_NUMBERING });
const cover: ExportCover = { title: "Joint submission", mechanism: "Universal Periodic Review", session: "", stateUnderReview: "Ghana", organisations: ["Ghana Human Rights Network (GHRN)"], contact: "", date: "" };
const docx: ExportJob = { format: "docx", model, cover, options: {} };
const pdf: ExportJob = { format: "pdf", model, cover, options: {} };

const pools: JobPool[] = [];
const pool = (options: Partial<ConstructorParameters<typeof JobPool>[0]> = {}) => {
  const created = new JobPool({ size: 1, timeoutMs: 60_000, maxOutputBytes: 50_000_000, ...options });
  pools.push(created);
  return created;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe.runIf(pdfToolsAvailable())("the export worker pool", () => {
  it("renders DOCX and PDF in a worker thread, one after the other on one worker", async () => {
    const jobs = pool();
    const [word, print] = await Promise.all([jobs.run(docx), jobs.run(pdf)]);
    expect(Buffer.from(word.subarray(0, 2)).toString()).toBe("PK");
    expect(Buffer.from(print.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("stops a job past its time with a clear message, and keeps serving with a fresh worker", async () => {
    const jobs = pool();
    await expect(jobs.run(pdf, { timeoutMs: 1 })).rejects.toThrow(/took longer than 0.001 s and was stopped/);
    const after = await jobs.run(docx);
    expect(Buffer.from(after.subarray(0, 2)).toString()).toBe("PK");
  });

  it("refuses a file over the size bound", async () => {
    await expect(pool({ maxOutputBytes: 100 }).run(docx)).rejects.toThrow(/over the 0.0001 MB limit/);
  });

  it("says why a render failed", async () => {
    const broken = { format: "pdf", model: { ...model, blocks: null }, cover, options: {} } as unknown as ExportJob;
    await expect(pool().run(broken)).rejects.toBeInstanceOf(JobFailed);
  });
});

describe("the job pool's bounds, with Word jobs", () => {
  const notWord = { format: "word-check" as const, bytes: new TextEncoder().encode("{\\rtf1 not a docx}"), fileName: "old.rtf", template: "upr-joint" };

  it("passes the reader's own sentence back for a file it cannot read", async () => {
    await expect(pool().run(notWord)).rejects.toThrow(new JobFailed(message("import.word.notDocx")));
  });

  it("refuses at once a job beyond the queue's bound, and runs the ones it took", async () => {
    const jobs = pool({ maxQueued: 1 });
    const running = jobs.run(notWord).catch((error: Error) => error.message);
    const queued = jobs.run(notWord).catch((error: Error) => error.message);
    await expect(jobs.run(notWord)).rejects.toThrow(/^The server is busy with other exports and Word files; try the check again in a minute\.$/);
    expect(await running).toBe("This file is not a Word document (.docx).");
    expect(await queued).toBe("This file is not a Word document (.docx).");
  });

  it("stops a job whose worker runs out of its heap, and says so", async () => {
    // 4 MB is too little for a worker even to load the reader: it dies of its heap, not the server.
    await expect(pool({ maxHeapMb: 4 }).run(notWord)).rejects.toThrow(/^The check needed more memory than Caucus allows one job and was stopped\.$/);
  });

  it("starts no worker before the first job, and lets an idle one exit", async () => {
    const outcomes: string[] = [];
    const jobs = pool({ idleMs: 100, metrics: { jobFinished: (kind, outcome) => outcomes.push(`${kind} ${outcome}`) } });
    expect(jobs.stats()).toEqual({ queued: 0, busy: 0, workers: 0 });
    const running = jobs.run(notWord).catch(() => {});
    expect(jobs.stats()).toEqual({ queued: 0, busy: 1, workers: 1 });
    await running;
    expect(jobs.stats()).toEqual({ queued: 0, busy: 0, workers: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jobs.stats().workers).toBe(0);
    // The next job starts a fresh worker.
    await expect(jobs.run(notWord)).rejects.toThrow("This file is not a Word document (.docx).");
    expect(outcomes).toEqual(["check failed", "check failed"]);
  });
});
