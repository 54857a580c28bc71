import { describe, expect, it } from "vitest";
import { formatCommentDate } from "./comment-date";

const NOW = new Date("2026-12-06T12:00:00Z");

describe("formatCommentDate", () => {
  it("leaves the year out for a comment written this year", () => {
    expect(formatCommentDate("2026-03-14T09:30:00Z", NOW, "UTC")).toBe("14 Mar, 09:30");
  });

  it("shows the year of a comment from another year, such as one imported from a Word file", () => {
    expect(formatCommentDate("2024-03-14T09:30:00Z", NOW, "UTC")).toBe("14 Mar 2024, 09:30");
  });

  it("reads the year in the reader's time zone", () => {
    // Still 31 December 2025 in New York when it is already 2026 in UTC.
    expect(formatCommentDate("2026-01-01T02:00:00Z", NOW, "America/New_York")).toBe("31 Dec 2025, 21:00");
  });
});
