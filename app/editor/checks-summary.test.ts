import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "../../core/checks/finding";
import { findingsSummary } from "./checks-summary";

const finding = (severity: Severity): Finding => ({ rule: "test.rule", severity, message: "A finding." }) as Finding;

describe("findingsSummary", () => {
  it("says one error and one warning in the singular", () => {
    expect(findingsSummary([finding("error"), finding("warning")])).toBe("1 error · 1 warning");
  });

  it("counts several in the plural and leaves out severities with none", () => {
    expect(findingsSummary([finding("warning"), finding("info"), finding("info")])).toBe("1 warning · 2 suggestions");
  });

  it("says when nothing was found", () => {
    expect(findingsSummary([])).toBe("No problems found.");
  });
});
