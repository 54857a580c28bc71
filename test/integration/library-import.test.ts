import { expect, it } from "vitest";
import * as importPage from "../../app/routes/workspaces.$workspaceId.library_.import";
import * as importStream from "../../app/routes/workspaces.$workspaceId.library_.import[.]ndjson";
import * as exportFile from "../../app/routes/workspaces.$workspaceId.library_.export.$file";
import type { ImportSummary, RecommendationPreview } from "../../core/library/import-types";
import { describeAuditEvent } from "../../app/components/audit/describe-event";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { countRecommendations } from "../../db/queries/library-recommendations";
import { listLibrarySources } from "../../db/queries/library-sources";
import { describeEachDatabase } from "../db/test-database";
import { buildWorkspace } from "../factories";
import { run, testContext } from "../remix";
import { fixtureFile, mappingFields, readNdjson, uploadRequest } from "./library-requests";

type World = Awaited<ReturnType<typeof buildWorkspace>>;

// Refusals travel as messages; these tests read them as an English reader would.
const english = createTranslator("en", UI_CATALOGUES.en);
/** Every message in an answer, put into English words, for matching. */
const said = (body: unknown): string =>
  JSON.stringify(body, (key, value: unknown) => (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string" && (value as { id: string }).id.includes(".") ? english.text(value as never) : value));

describeEachDatabase("library import and export", (handle) => {
  const ctx = () => testContext(handle());
  const params = (w: World) => ({ workspaceId: w.workspace.id });
  const path = (w: World, rest: string) => `/workspaces/${w.workspace.id}/library${rest}`;

  /** The import page's own form post (the browser without JavaScript). */
  const postPage = (w: World, token: string, fields: Record<string, string>, file?: File) =>
    run(importPage.action, uploadRequest(path(w, "/import"), { token, fields, file }), ctx(), params(w));

  async function preview(w: World, file: File): Promise<RecommendationPreview> {
    const outcome = await postPage(w, w.members.editor.token, { intent: "preview" }, file);
    expect(outcome.status).toBe(200);
    return (outcome.body as { preview: RecommendationPreview }).preview;
  }

  async function download(w: World, file: string, token = w.members.viewer.token): Promise<Response> {
    const request = new Request(`http://caucus.test${path(w, `/export/${file}`)}`, { headers: { cookie: `caucus_session=${token}` } });
    return (await exportFile.loader({ request, context: ctx(), params: { ...params(w), file } })) as Response;
  }

  it("previews a UHRI export: the preset, the guessed mapping, the first rows mapped, and writes nothing", async () => {
    const w = await buildWorkspace(handle());
    const shown = await preview(w, await fixtureFile("uhri-export.csv"));
    expect(shown.preset).toMatchObject({ id: "uhri", label: "UHRI export" });
    expect(shown.columns.find((c) => c.header === "Reccomending Body")?.field).toBe("body");
    expect(shown.columns.find((c) => c.header === "Regions Concerned")?.field).toBeNull();
    expect(shown.sample[0]).toMatchObject({ symbol: "A/HRC/25/5", paragraph: "186.60", stateUnderReview: "CHN", recommendingStates: ["Ghana"] });
    expect(shown.errorCount).toBe(0);
    expect(await countRecommendations(handle().db, w.workspace.id)).toBe(0);
  });

  it("streams an editor's import into the coalition's library only, with progress, and audits it", async () => {
    const w = await buildWorkspace(handle());
    const other = await buildWorkspace(handle());
    const shared = await countRecommendations(handle().db, null);
    const file = await fixtureFile("uhri-export.csv");
    const shown = await preview(w, file);
    const request = uploadRequest(path(w, "/import.ndjson"), { token: w.members.editor.token, fields: { intent: "import", ...mappingFields(shown) }, file });
    const response = (await importStream.action({ request, context: ctx(), params: params(w) })) as Response;
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = await readNdjson(response);
    expect(lines.some((l) => l.type === "progress" && l.phase === "writing")).toBe(true);
    const last = lines.at(-1)!;
    if (last.type !== "result") throw new Error(`expected a result, got ${JSON.stringify(last)}`);
    expect(last.summary).toMatchObject({ kind: "recommendations", written: true, inserted: shown.good, errorCount: 0 });

    expect(await countRecommendations(handle().db, w.workspace.id)).toBe(shown.good);
    expect(await countRecommendations(handle().db, null)).toBe(shared);
    expect(await countRecommendations(handle().db, other.workspace.id)).toBe(0);
    const events = await handle().db.selectFrom("audit_events").selectAll().where("workspace_id", "=", w.workspace.id).where("action", "=", "library.imported").execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: w.members.editor.id, details: { kind: "recommendations", file: "uhri-export.csv", inserted: shown.good } });
  });

  it("all-or-nothing with bad rows writes nothing and names the rows; the good rows go in when asked", async () => {
    const w = await buildWorkspace(handle());
    const file = await fixtureFile("malformed.csv");
    const shown = await preview(w, file);
    expect(shown.errors.map((e) => e.rowNumber)).toEqual([3, 4, 5, 6, 7, 10]);
    expect(shown.errors[0]!.reasons.map(english.text).join(" ")).toMatch(/State under review/);

    const refused = await postPage(w, w.members.owner.token, { intent: "import", policy: "all-or-nothing", ...mappingFields(shown) }, file);
    const summary = (refused.body as { summary: ImportSummary }).summary;
    expect(summary).toMatchObject({ written: false, inserted: 0, errorCount: 6 });
    expect(summary.errors.map((e) => e.rowNumber)).toEqual([3, 4, 5, 6, 7, 10]);
    expect(await countRecommendations(handle().db, w.workspace.id)).toBe(0);
    expect(await handle().db.selectFrom("audit_events").select("id").where("workspace_id", "=", w.workspace.id).where("action", "=", "library.imported").execute()).toHaveLength(0);

    const skipped = await postPage(w, w.members.owner.token, { intent: "import", policy: "skip-bad-rows", ...mappingFields(shown) }, file);
    expect((skipped.body as { summary: ImportSummary }).summary).toMatchObject({ written: true, inserted: shown.good, errorCount: 6 });
    expect(await countRecommendations(handle().db, w.workspace.id)).toBe(shown.good);
  });

  it("imports with the mapping the person confirmed, and refuses it for another file", async () => {
    const w = await buildWorkspace(handle());
    const file = await fixtureFile("uhri-export.csv");
    const shown = await preview(w, file);
    const fields = mappingFields(shown);
    const textColumn = shown.columns.findIndex((c) => c.field === "text");
    const noText = await postPage(w, w.members.editor.token, { intent: "preview", ...fields, [`column-${textColumn}`]: "" }, file);
    expect(noText.status).toBe(400);
    expect(said(noText.body)).toContain("No column is mapped to Text");

    const wrongFile = await postPage(w, w.members.editor.token, { intent: "import", ...fields }, await fixtureFile("upr-info.csv"));
    expect(wrongFile.status).toBe(409);
    expect(said(wrongFile.body)).toContain("This is not the file you previewed");
    // Previewing the other file instead starts from its own headers, not the old mapping.
    const otherPreview = await postPage(w, w.members.editor.token, { intent: "preview", ...fields }, await fixtureFile("upr-info.csv"));
    expect((otherPreview.body as { preview: RecommendationPreview }).preview.preset?.id).toBe("upr-info");
    expect(await countRecommendations(handle().db, w.workspace.id)).toBe(0);
  });

  it("refuses a too-large upload with 413 and says what the limit is, before reading it", async () => {
    const w = await buildWorkspace(handle());
    const file = new File(["Text\nsomething\n"], "huge.csv");
    const request = uploadRequest(path(w, "/import"), {
      token: w.members.editor.token,
      fields: { intent: "preview" },
      file,
      headers: { "content-length": String(200 * 1024 * 1024) },
    });
    const page = await run(importPage.action, request, ctx(), params(w));
    expect(page.status).toBe(413);
    expect(said(page.body)).toMatch(/larger than 100\.0 MB/);

    const streamed = uploadRequest(path(w, "/import.ndjson"), { token: w.members.editor.token, fields: { intent: "import" }, file, headers: { "content-length": String(200 * 1024 * 1024) } });
    const response = (await importStream.action({ request: streamed, context: ctx(), params: params(w) })) as Response;
    expect(response.status).toBe(413);
    expect((await readNdjson(response))[0]).toMatchObject({ type: "error", status: 413 });
  });

  it("imports Zotero sources with the same policy choice", async () => {
    const w = await buildWorkspace(handle());
    const outcome = await postPage(w, w.members.editor.token, { intent: "import-sources", policy: "all-or-nothing" }, await fixtureFile("sources.bib"));
    expect((outcome.body as { summary: ImportSummary }).summary).toMatchObject({ kind: "sources", written: true, inserted: 8, unit: "entry" });
    const broken = new File(["[{\"type\":\"report\",\"title\":\"A report\",\"URL\":\"https://example.org/r\"}, 42]"], "broken.json");
    const refused = await postPage(w, w.members.editor.token, { intent: "import-sources", policy: "all-or-nothing" }, broken);
    const summary = (refused.body as { summary: ImportSummary }).summary;
    expect(summary).toMatchObject({ written: false, errorCount: 1 });
    expect(summary.errors[0]!.rowNumber).toBe(2);
    expect(await listLibrarySources(handle().db, w.workspace.id)).toHaveLength(8);
  });

  it("exports round-trip through the import: recommendations as CSV, sources as CSL-JSON", async () => {
    const from = await buildWorkspace(handle());
    const to = await buildWorkspace(handle());
    const file = await fixtureFile("uhri-export.xlsx");
    await postPage(from, from.members.owner.token, { intent: "import", ...mappingFields(await preview(from, file)) }, file);
    await postPage(from, from.members.owner.token, { intent: "import-sources" }, await fixtureFile("sources.ris"));

    const csv = await download(from, "recommendations.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="coalition-[0-9a-f]+-recommendations\.csv"; filename\*=UTF-8''/);
    const exported = new File([await csv.arrayBuffer()], "recommendations.csv");
    const reimport = await postPage(to, to.members.editor.token, { intent: "import", ...mappingFields(await preview(to, exported)) }, exported);
    expect((reimport.body as { summary: ImportSummary }).summary).toMatchObject({ written: true, errorCount: 0 });
    expect(await countRecommendations(handle().db, to.workspace.id)).toBe(await countRecommendations(handle().db, from.workspace.id));
    // Everything but the provenance column (where each copy came from) is the same.
    const withoutProvenance = async (w: World) => (await (await download(w, "recommendations.csv")).text()).split("\r\n").map((row) => row.replace(/,[^,]*$/, "")).sort();
    expect(await withoutProvenance(to)).toEqual(await withoutProvenance(from));

    const json = await download(from, "sources.json");
    expect(json.headers.get("content-type")).toContain("application/vnd.citationstyles.csl+json");
    await postPage(to, to.members.editor.token, { intent: "import-sources" }, new File([await json.arrayBuffer()], "sources.json"));
    const items = async (w: World) => (JSON.parse(await (await download(w, "sources.json")).text()) as Array<{ id: string }>).map(({ id: _id, ...rest }) => rest).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(await items(to)).toEqual(await items(from));
    // UTF-8 with a byte-order mark, so Excel does not read the accents as its code page.
    const sourcesCsv = new Uint8Array(await (await download(to, "sources.csv")).arrayBuffer());
    expect([...sourcesCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(sourcesCsv)).toMatch(/^Symbol,Title/);
  });

  it("audits each library export: one event saying who, which file and how many records, never their text", async () => {
    const w = await buildWorkspace(handle());
    const file = await fixtureFile("uhri-export.csv");
    await postPage(w, w.members.owner.token, { intent: "import", ...mappingFields(await preview(w, file)) }, file);
    const texts = (await handle().db.selectFrom("recommendations").select("text").where("workspace_id", "=", w.workspace.id).execute()).map((r) => r.text);
    expect(texts.length).toBeGreaterThan(0);
    const exports = () => handle().db.selectFrom("audit_events").selectAll().where("workspace_id", "=", w.workspace.id).where("action", "=", "library.exported").execute();
    expect(await exports()).toHaveLength(0);

    const csv = await (await download(w, "recommendations.csv")).text();
    expect(csv).toContain(texts[0]!.slice(0, 40).split("\n")[0]!); // the file holds the text...
    const events = await exports();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_id: w.members.viewer.id,
      target_type: "workspace",
      details: { kind: "recommendations", format: "csv", file: "recommendations.csv", count: texts.length },
    });
    // ...the event none of it.
    const stored = JSON.stringify(events[0]);
    for (const text of texts) expect(stored).not.toContain(text.slice(0, 30));

    await download(w, "sources.json", w.members.owner.token);
    expect((await exports()).map((e) => [e.actor_id, (e.details as { format: string }).format]).sort()).toEqual(
      [
        [w.members.viewer.id, "csv"],
        [w.members.owner.id, "csl-json"],
      ].sort()
    );
    // The audit page says it in words.
    expect(describeAuditEvent(english, "library.exported", events[0]!.details as Record<string, unknown>)).toBe(`exported the coalition library's ${texts.length} recommendations as CSV`);
  });
});
