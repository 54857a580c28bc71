import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun } from "docx";
import { expect, it } from "vitest";
import { SuggestionChangeSchema } from "../../core/suggestions/contract";
import { listOrganisations } from "../../db/queries/organisations";
import { resolveWordCover } from "../../server/import/word-cover";
import { buildWordDraft } from "../../server/import/word-draft";
import { importWordDraft } from "../../server/import/word-import";
import type { InsertSuggestionThread } from "../../server/import/write-suggestions";
import type { NewSuggestion } from "../../db/queries/suggestions";
import { findTemplate } from "../../templates";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";

const template = findTemplate("upr-joint")!;

async function trackedDocx(importerName: string): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun("1. Journalists were "),
              new DeletedTextRun({ id: 1, author: importerName, date: "2026-11-20T09:00:00Z", text: "arrested" }),
              new InsertedTextRun({ id: 2, author: importerName, date: "2026-11-20T09:00:00Z", text: "detained" }),
              new TextRun(" in 2024"),
              new InsertedTextRun({ id: 3, author: "Kwame (outside reviewer)", date: "2999-01-01T00:00:00Z", text: " and 2025" }),
              new TextRun("."),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describeEachDatabase("Word import: tracked changes written as suggestions", (handle) => {
  const form = () => {
    const fields = new FormData();
    for (const [name, value] of Object.entries({ stateUnderReview: "GHA", session: "UPR 4th cycle", template: "upr-joint", title: "Press freedom" })) fields.append(name, value);
    return fields;
  };

  it("writes one suggestion thread per tracked change in the import's transaction, linking only the importer's own to their account", async () => {
    const w = await buildWorkspace(handle());
    const { owner } = w.members;
    const built = buildWordDraft(await trackedDocx(owner.name.toUpperCase()), template, owner.name);
    const cover = resolveWordCover(form(), "tracked.docx", built, template, await listOrganisations(handle().db, w.workspace.id));
    if (!cover.ok) throw new Error("cover refused");
    const written: NewSuggestion[] = [];
    const insert: InsertSuggestionThread = async (_tx, input) => {
      written.push(input);
      return { id: "x" };
    };
    const result = await importWordDraft(handle().db, { id: owner.id, name: owner.name }, w.workspace.id, template, cover.cover, { name: "tracked.docx", built }, insert);
    if (!result.ok) throw new Error("import refused");
    const { outcome } = { outcome: result.draft };
    expect(written.map(({ anchor: _a, createdAt: _c, ...rest }) => rest)).toEqual([
      {
        draftId: outcome.draft.id,
        workspaceId: w.workspace.id,
        deleted: "arrested",
        insert: { content: [{ type: "text", text: "detained" }], openStart: 0, openEnd: 0 },
        authorId: owner.id,
        authorName: owner.name.toUpperCase(),
        organisationId: null,
        imported: true,
      },
      {
        draftId: outcome.draft.id,
        workspaceId: w.workspace.id,
        deleted: "",
        insert: { content: [{ type: "text", text: " and 2025" }], openStart: 0, openEnd: 0 },
        authorId: null,
        authorName: "Kwame (outside reviewer)",
        organisationId: null,
        imported: true,
      },
    ]);
    expect(written[0]!.createdAt?.toISOString()).toBe("2026-11-20T09:00:00.000Z");
    // A date after the import is the file's clock: the import's time is kept instead.
    expect(written[1]!.createdAt!.getTime()).toBeLessThanOrEqual(Date.now());
    for (const input of written) expect(SuggestionChangeSchema.safeParse(input).success).toBe(true);
    expect(outcome.suggestions).toEqual({
      kept: 2,
      yours: 1,
      authors: [
        { name: "Kwame (outside reviewer)", count: 1 },
        { name: owner.name.toUpperCase(), count: 1 },
      ].sort((a, b) => a.name.localeCompare(b.name)),
      otherAuthors: 0,
    });
    const audit = await handle().db.selectFrom("audit_events").select("details").where("target_id", "=", outcome.draft.id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ suggestions: 2 });
    expect(JSON.stringify(audit.details)).not.toContain("detained");
  });

  it("writes nothing, draft included, when a suggestion cannot be written", async () => {
    const w = await buildWorkspace(handle());
    const { owner } = w.members;
    const built = buildWordDraft(await trackedDocx("Someone"), template, owner.name);
    const cover = resolveWordCover(form(), "tracked.docx", built, template, await listOrganisations(handle().db, w.workspace.id));
    if (!cover.ok) throw new Error("cover refused");
    const failing: InsertSuggestionThread = async () => {
      throw new Error("storage refused");
    };
    const before = await handle().db.selectFrom("drafts").select("id").where("workspace_id", "=", w.workspace.id).execute();
    await expect(importWordDraft(handle().db, { id: owner.id, name: owner.name }, w.workspace.id, template, cover.cover, { name: "tracked.docx", built }, failing)).rejects.toThrow("storage refused");
    const after = await handle().db.selectFrom("drafts").select("id").where("workspace_id", "=", w.workspace.id).execute();
    expect(after).toHaveLength(before.length);
  });
});
