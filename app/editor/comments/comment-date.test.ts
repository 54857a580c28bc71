import { describe, expect, it } from "vitest";
import { createTranslator } from "../../../core/i18n/translator";
import { UI_CATALOGUES } from "../../../locales/ui/all";
import { commentDateOptions } from "./comment-date";

const NOW = new Date("2026-12-06T12:00:00Z");
const english = createTranslator("en", UI_CATALOGUES.en);
const french = createTranslator("fr", UI_CATALOGUES.fr, { fallback: UI_CATALOGUES.en });
const when = (iso: string, timeZone: string, tr = english) => tr.date(iso, commentDateOptions(iso, NOW, timeZone));

describe("commentDateOptions", () => {
  it("leaves the year out for a comment written this year", () => {
    expect(when("2026-03-14T09:30:00Z", "UTC")).not.toMatch(/2026/);
    expect(when("2026-03-14T09:30:00Z", "UTC")).toMatch(/Mar 14.*09:30/);
  });

  it("shows the year of a comment from another year, such as one imported from a Word file", () => {
    expect(when("2024-03-14T09:30:00Z", "UTC")).toMatch(/Mar 14, 2024.*09:30/);
  });

  it("reads the year in the reader's time zone", () => {
    // Still 31 December 2025 in New York when it is already 2026 in UTC.
    expect(when("2026-01-01T02:00:00Z", "America/New_York")).toMatch(/Dec 31, 2025.*09:00 PM/);
  });

  it("writes the date in the reader's language", () => {
    expect(when("2024-03-14T09:30:00Z", "UTC", french)).toBe("14 mars 2024, 09:30");
  });
});
