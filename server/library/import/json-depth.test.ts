import { describe, expect, it } from "vitest";
import { jsonDepthPast, MAX_JSON_DEPTH } from "./json-depth";

describe("jsonDepthPast", () => {
  it("lets ordinary CSL-JSON and recommendation files through", () => {
    const csl = JSON.stringify([{ type: "report", title: "A/HRC/25/5", issued: { "date-parts": [[2013, 12, 4]] }, author: [{ literal: "Human Rights Council" }] }]);
    expect(jsonDepthPast(csl)).toBeNull();
    expect(jsonDepthPast("[]", 1)).toBeNull();
  });

  it("finds the first bracket past the bound, and where it is", () => {
    expect(jsonDepthPast("[[[1]]]", 2)).toEqual({ depth: 3, offset: 2 });
    expect(jsonDepthPast(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`)).toBeNull();
    expect(jsonDepthPast(`${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`)?.depth).toBe(MAX_JSON_DEPTH + 1);
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    expect(jsonDepthPast(JSON.stringify([{ title: "[[[[{{{{ \\\" [[[[" }]), 2)).toBeNull();
    expect(jsonDepthPast('["\\"", [["x"]]]', 2)).toEqual({ depth: 3, offset: 8 });
  });

  it("scans a file nested 50,000 deep in one pass, without recursion", () => {
    const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    expect(jsonDepthPast(deep)).toEqual({ depth: MAX_JSON_DEPTH + 1, offset: MAX_JSON_DEPTH });
    // The stack overflow the scan prevents: a recursive walk of the parsed value.
    const walk = (value: unknown): number => (Array.isArray(value) ? 1 + Math.max(0, ...value.map(walk)) : 0);
    expect(() => walk(JSON.parse(deep))).toThrow(RangeError);
  });
});
