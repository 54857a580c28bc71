import { describe, expect, it } from "vitest";
import { EMPTY_COVER } from "../../core/editor/cover";
import { NO_HEADING_NUMBERING } from "../../core/editor/numbering";
import { exportModel, type Inline } from "../../core/export/export-model";
import type { Draft, Organisation } from "../../db/schema";
import { commentThread, CONFIDENTIAL, OPEN_ORG, ORGANISATIONS, remark, reviewDraft, suggestionThread } from "../../test/fixtures/export/review-draft";
import { exportDisclosures } from "./export-disclosures";
import type { ExportSource } from "./export-draft";
import { placeReviewThreads, printedAuthor } from "./review-placement";

const options = { language: "en", headingNumbering: NO_HEADING_NUMBERING };
/** Each text run of a model's paragraphs and notes as "text", "+text" (inserted) or "-text" (deleted). */
function runs(inlines: readonly Inline[]): string[] {
  return inlines.flatMap((r) => (r.kind === "text" ? [`${r.change ? (r.change.kind === "insertion" ? "+" : "-") : ""}${r.text}`] : []));
}

describe("placing a review copy's suggestions and comments", () => {
  const drafted = reviewDraft();
  const threads = [
    suggestionThread(drafted, "twelve", "fourteen", { authorName: "Amina Mensah", organisationId: OPEN_ORG.id, comments: [remark("Amina Mensah", "Per the police statement.")] }),
    suggestionThread(drafted, " in Accra", null, { authorName: "Kofi Boateng", organisationId: CONFIDENTIAL.id }),
    suggestionThread(drafted, "police, 3", "Interior Ministry, 3", { authorName: "Efua Asante", organisationId: null }),
    suggestionThread(drafted, "bail", " strict conditions", { authorName: "Efua Asante", organisationId: null, at: "after" }),
    suggestionThread(drafted, "courts", "judges", { authorName: "Efua Asante", organisationId: null, state: "rejected" }),
    commentThread(drafted, "journalists", [remark("Yaw Owusu", "Names?"), remark("Amina Mensah", "Two asked not to be named.", "2026-12-01T11:00:00.000Z")]),
    commentThread(drafted, "released", [remark("Yaw Owusu", "Already resolved.")], "resolved"),
  ];
  const placement = placeReviewThreads(drafted.binding, drafted.doc, threads, ORGANISATIONS);
  const model = exportModel(placement.doc, options);

  it("places open suggestions as deletions followed by insertions, and leaves decided ones out", () => {
    expect(placement.placed).toEqual({ suggestions: 4, threads: 1 });
    expect(placement.left).toEqual({ detached: 0, stale: 0, overlapping: 0, unreadable: 0 });
    const paragraph = model.blocks[1]!;
    expect(paragraph.kind === "paragraph" && runs(paragraph.content)).toEqual(["Police detained ", "-twelve", "+fourteen", " ", "journalists", "- in Accra", " last May."]);
    const last = model.blocks[2]!;
    expect(last.kind === "paragraph" && runs(last.content)).toEqual(["The courts released them on bail", "+ strict conditions", "."]);
  });

  it("places a suggestion inside a footnote as a change inside the note", () => {
    expect(runs(model.footnotes[0]!.content)).toEqual(["Statement of the ", "-police, 3", "+Interior Ministry, 3", " May."]);
  });

  it("signs each change with its author, their organisation only when it is not confidential, and its time to the second", () => {
    const changes = model.blocks.flatMap((b) => (b.kind === "paragraph" ? b.content : [])).flatMap((r) => (r.kind === "text" && r.change ? [r.change] : []));
    expect(changes.find((c) => c.kind === "insertion")).toEqual({ kind: "insertion", id: 1, author: "Amina Mensah (CR)", date: "2026-12-02T10:05:00Z" });
    expect(changes.filter((c) => c.kind === "deletion").map((c) => c.author)).toEqual(["Amina Mensah (CR)", "Kofi Boateng"]);
    expect(printedAuthor("Kofi Boateng", CONFIDENTIAL.id, ORGANISATIONS)).toBe("Kofi Boateng");
    expect(printedAuthor("Kofi Boateng", "org-gone", ORGANISATIONS)).toBe("Kofi Boateng");
    expect(JSON.stringify(placement)).not.toMatch(/Hidden Defenders|HDC/);
  });

  it("makes open threads and a suggestion's discussion comments over their text, replies pointing to the first", () => {
    expect(placement.comments).toEqual([
      { id: 0, author: "Amina Mensah", date: "2026-12-01T09:30:00Z", text: "Per the police statement." },
      { id: 1, author: "Yaw Owusu", date: "2026-12-01T09:30:00Z", text: "Names?" },
      { id: 2, parentId: 1, author: "Amina Mensah", date: "2026-12-01T11:00:00Z", text: "Two asked not to be named." },
    ]);
    const paragraph = model.blocks[1]!;
    const commented = (id: number) => (paragraph.kind === "paragraph" ? paragraph.content : []).flatMap((r) => (r.kind === "text" && r.comments?.includes(id) ? [r.text] : []));
    // The suggestion's comment covers what it deletes and what it inserts.
    expect(commented(0)).toEqual(["twelve", "fourteen"]);
    expect(commented(1)).toEqual(["journalists"]);
  });

  it("leaves out a suggestion whose text changed since, and one inside another's range", () => {
    const stale = { ...threads[0]!, suggestion: { ...threads[0]!.suggestion!, deleted: "eleven" } };
    const inside = suggestionThread(drafted, "in Acc", "at", { authorName: "Efua Asante", organisationId: null });
    const left = placeReviewThreads(drafted.binding, drafted.doc, [stale, threads[1]!, inside], ORGANISATIONS).left;
    expect(left).toEqual({ detached: 0, stale: 1, overlapping: 1, unreadable: 0 });
  });

  it("leaves the clean model exactly as it was: no change, no comment", () => {
    const clean = exportModel(drafted.doc, options);
    expect(JSON.stringify(clean)).not.toMatch(/"change"|"comments"|fourteen|Interior Ministry/);
  });
});

describe("what a review copy would disclose", () => {
  const drafted = reviewDraft();
  const source = (threads: ReturnType<typeof commentThread>[]): ExportSource => {
    const placement = placeReviewThreads(drafted.binding, drafted.doc, threads, ORGANISATIONS);
    const organisations = ORGANISATIONS as unknown as Organisation[];
    return { draft: { title: "Arrests" } as Draft, doc: placement.doc, cover: EMPTY_COVER, organisations, template: undefined, review: { comments: placement.comments, authors: placement.authors } };
  };

  it("finds a confidential organisation named in suggested text or in a comment", () => {
    const named = source([
      suggestionThread(drafted, "twelve", "twelve HDC", { authorName: "Amina Mensah", organisationId: OPEN_ORG.id }),
      commentThread(drafted, "journalists", [remark("Yaw Owusu", "Ask the Hidden Defenders Collective.")]),
    ]);
    const findings = exportDisclosures(named);
    expect(findings.map((f) => f.where.id)).toEqual(["checks.place.para", "export.review.commentPlace"]);
  });

  it("finds nothing when only a confidential member's name is printed", () => {
    const quiet = source([suggestionThread(drafted, "twelve", "fourteen", { authorName: "Kofi Boateng", organisationId: CONFIDENTIAL.id })]);
    expect(exportDisclosures(quiet)).toEqual([]);
  });
});
