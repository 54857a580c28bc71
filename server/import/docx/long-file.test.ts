import { describe, expect, it } from "vitest";
import { UN_HEADING_NUMBERING } from "../../../core/editor";
import { exportModel } from "../../../core/export/export-model";
import { longDraft } from "../../../bench/checks/draft";
import { findTemplate } from "../../../templates";
import { renderDocx } from "../../export/docx";
import fixture from "../../../test/fixtures/export/notes.json";
import { readDocx } from "./index";

// The size the issue names (40 pages, 200 notes); its speed is measured by bench/import/docx.ts.
describe("readDocx on a long submission", () => {
  it("imports a 40-page file with all 200 footnotes and every numbered paragraph", async () => {
    const draft = longDraft(findTemplate("upr-joint")!, 14000, 200, fixture.notes);
    const model = exportModel(draft, { language: "en", headingNumbering: UN_HEADING_NUMBERING });
    const bytes = new Uint8Array(await renderDocx(model, { title: "Long", mechanism: "Universal Periodic Review", session: "", stateUnderReview: "", organisations: [], contact: "", date: "" }));
    const { report } = readDocx(bytes);
    expect(report.footnotes).toBe(200);
    expect(report.numberedParagraphs).toBe(model.blocks.filter((b) => b.kind === "paragraph" && b.number !== null).length);
  }, 60_000);
});
