import { expect, it } from "vitest";
import { buildWorkspace } from "../../test/factories";
import { describeEachDatabase } from "../../test/db/test-database";
import { LibrarySearchSchema } from "../../core/library/search-query";
import { countRecommendations } from "../../db/queries/library-recommendations";
import { searchRecommendations } from "../../db/queries/library-search";
import { searchSources } from "../../db/queries/library-sources";
import { importRecommendationsIntoLibrary, importSourcesIntoLibrary } from "./import-into-library";
import { readFile } from "node:fs/promises";

const fixture = (name: string) => ({ name, path: new URL(`../../test/fixtures/library/${name}`, import.meta.url).pathname });
const provenance = { source: "test", licence: null, retrievedAt: null };

describeEachDatabase("importing into a library", (handle) => {
  it("writes nothing from a file with bad rows unless asked to skip them, and names the rows", async () => {
    const { db } = handle();
    const { workspace } = await buildWorkspace(handle());
    const refused = await importRecommendationsIntoLibrary(db, workspace.id, fixture("malformed.csv"), { provenance, policy: "all-or-nothing" });
    expect(refused.written).toBe(false);
    expect(refused.errors.map((e) => e.rowNumber)).toEqual([3, 4, 5, 6, 7, 10]);
    expect(await countRecommendations(db, workspace.id)).toBe(0);

    const skipped = await importRecommendationsIntoLibrary(db, workspace.id, fixture("malformed.csv"), { provenance, policy: "skip-bad-rows" });
    expect(skipped.written).toBe(true);
    expect(skipped.counts.inserted).toBe(await countRecommendations(db, workspace.id));
    expect(skipped.counts.inserted).toBeGreaterThan(0);
  });

  it("imports a UHRI export, reports progress, and a second run changes nothing", async () => {
    const { db } = handle();
    const { workspace } = await buildWorkspace(handle());
    const phases: string[] = [];
    const first = await importRecommendationsIntoLibrary(db, workspace.id, fixture("uhri-export.xlsx"), {
      provenance,
      policy: "all-or-nothing",
      onProgress: (p) => phases.push(p.phase),
    });
    expect(first.written).toBe(true);
    expect(first.counts.inserted).toBeGreaterThan(5);
    expect(phases).toContain("writing");
    const again = await importRecommendationsIntoLibrary(db, workspace.id, fixture("uhri-export.csv"), { provenance, policy: "all-or-nothing" });
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: first.counts.inserted });
    const found = await searchRecommendations(db, workspace.id, LibrarySearchSchema.parse({ q: "A/HRC/25/5, para. 186.60" }));
    expect(found.results.some((r) => r.workspaceId === workspace.id && r.recommendingStates.includes("Ghana"))).toBe(true);
  });

  it("imports a Zotero BibTeX export into the coalition's sources", async () => {
    const { db } = handle();
    const { workspace } = await buildWorkspace(handle());
    const text = await readFile(fixture("sources.bib").path, "utf8");
    const result = await importSourcesIntoLibrary(db, workspace.id, text, { provenance, policy: "all-or-nothing" });
    expect(result).toMatchObject({ written: true, format: "bibtex", inserted: 8, updated: 0 });
    const again = await importSourcesIntoLibrary(db, workspace.id, text, { provenance, policy: "all-or-nothing" });
    expect(again).toMatchObject({ inserted: 0, updated: 8 });
    const hits = await searchSources(db, workspace.id, "Charity Law");
    expect(hits.length).toBeGreaterThan(0);
  });
});
