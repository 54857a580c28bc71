import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "../../core/checks/finding";
import { message } from "../../core/i18n/message";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { findingsSummary } from "./checks-summary";

const finding = (severity: Severity): Finding => ({ rule: "footnote.empty", severity, message: message("checks.footnote.empty", { n: 1 }), location: null });
const en = createTranslator("en", UI_CATALOGUES.en);
const fr = createTranslator("fr", UI_CATALOGUES.fr);
const ar = createTranslator("ar", UI_CATALOGUES.ar);

describe("findingsSummary", () => {
  it("says one error and one warning in the singular", () => {
    expect(findingsSummary([finding("error"), finding("warning")], en)).toBe("1 error · 1 warning");
  });

  it("counts several in the plural and leaves out severities with none", () => {
    expect(findingsSummary([finding("warning"), finding("info"), finding("info")], en)).toBe("1 warning · 2 suggestions");
  });

  it("says when nothing was found", () => {
    expect(findingsSummary([], en)).toBe("No problems found.");
  });

  it("counts in the reader's language, with its plural forms", () => {
    expect(findingsSummary([finding("warning"), finding("info"), finding("info")], fr)).toBe("1 avertissement · 2 suggestions");
    expect(findingsSummary([finding("error"), finding("info"), finding("info")], ar)).toBe("خطأ واحد · اقتراحان");
    expect(findingsSummary([], fr)).toBe("Aucun problème trouvé.");
  });
});
