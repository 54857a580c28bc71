import { describe, expect, it } from "vitest";
import { librarySearchHref } from "./search-url";

describe("librarySearchHref", () => {
  const query = { q: "defenders", body: "UPR", page: 3 };

  it("sets or clears one facet and goes back to the first page", () => {
    expect(librarySearchHref(query, { theme: "Women & girls" })).toBe("?q=defenders&body=UPR&theme=Women+%26+girls");
    expect(librarySearchHref(query, { body: null })).toBe("?q=defenders");
  });

  it("changes the page alone, and is the bare page when nothing is left", () => {
    expect(librarySearchHref(query, { page: 4 })).toBe("?q=defenders&body=UPR&page=4");
    expect(librarySearchHref(query, { page: 1 })).toBe("?q=defenders&body=UPR");
    expect(librarySearchHref({}, {})).toBe(".");
  });
});
