import { describe, expect, it } from "vitest";
import { parseLibraryQuery, RecommendationImportFormSchema, selectedFacets, toLibrarySearch } from "./library";

const file = new File(["Text\nA\n"], "a.csv");

describe("the library query in the URL", () => {
  it("reads facets and the page, treats empty fields as absent, and turns the page into an offset", () => {
    const parsed = parseLibraryQuery(new URLSearchParams("q=torture&body=&stateUnderReview=CHN&cycle=2&page=3"));
    if (!parsed.success) throw parsed.error;
    expect(parsed.data).toEqual({ q: "torture", stateUnderReview: "CHN", cycle: 2, page: 3 });
    expect(selectedFacets(parsed.data)).toEqual({ stateUnderReview: "CHN", cycle: "2" });
    expect(toLibrarySearch(parsed.data)).toMatchObject({ q: "torture", limit: 20, offset: 40 });
  });

  it("refuses what the search cannot take", () => {
    expect(parseLibraryQuery(new URLSearchParams("cycle=second")).success).toBe(false);
    expect(parseLibraryQuery(new URLSearchParams("page=100000")).success).toBe(false);
  });
});

describe("the recommendations import form", () => {
  it("reads the confirmed mapping from one select per column, empty meaning ignore", () => {
    const parsed = RecommendationImportFormSchema.parse({
      intent: "import",
      file,
      columns: "3",
      "column-0": "text",
      "column-1": "",
      "column-2": "stateUnderReview",
      previewName: "a.csv",
      previewSize: "7",
      source: "  ",
    });
    expect(parsed).toMatchObject({ mapping: ["text", null, "stateUnderReview"], policy: "all-or-nothing", source: undefined, previewed: { name: "a.csv", size: 7 } });
  });

  it("refuses an unknown field, an empty file input and an unknown policy", () => {
    expect(RecommendationImportFormSchema.safeParse({ intent: "import", file, columns: "1", "column-0": "password" }).success).toBe(false);
    const empty = RecommendationImportFormSchema.safeParse({ intent: "preview", file: new File([], "") });
    expect(empty.error?.issues[0]).toMatchObject({ path: ["file"], message: "import.form.chooseFile" });
    expect(RecommendationImportFormSchema.safeParse({ intent: "import", file, policy: "whatever" }).success).toBe(false);
  });
});
