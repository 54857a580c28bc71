import { describe, expect, it } from "vitest";
import { createTranslator } from "../../core/i18n/translator";
import { parseFormData } from "../../core/schemas/form-data";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { SignupSchema } from "./account";
import { WorkspaceSchema } from "./workspace";

const translator = (locale: "en" | "fr" | "es" | "ar", numerals?: "arab") => createTranslator(locale, UI_CATALOGUES[locale], { fallback: UI_CATALOGUES.en, numerals });

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe("account and workspace forms speak the reader's language", () => {
  const short = parseFormData(form({ name: "Amina", email: "amina@example.org", password: "Xy7!kq2#z" }), SignupSchema);
  const problem = short.ok ? undefined : short.fieldErrors.password?.[0];

  it("refuse a short password with a message that carries its number", () => {
    expect(problem).toEqual({ id: "auth.password.tooShort", values: { min: 10 } });
  });

  it("put the password rule into English, French, Spanish and Arabic words", () => {
    expect(translator("en").text(problem!)).toBe("Use at least 10 characters.");
    expect(translator("fr").text(problem!)).toBe("Utilisez au moins 10 caractères.");
    expect(translator("es").text(problem!)).toBe("Use al menos 10 caracteres.");
    expect(translator("ar").text(problem!)).toBe("استخدم 10 أحرف على الأقل.");
    expect(translator("ar", "arab").text(problem!)).toBe("استخدم ١٠ أحرف على الأقل.");
  });

  it("pass a length bound's number to the message, not into its words", () => {
    const long = parseFormData(form({ name: "x".repeat(121) }), WorkspaceSchema);
    const error = long.ok ? undefined : long.fieldErrors.name?.[0];
    expect(error).toEqual({ id: "workspace.field.tooLong", values: { max: 120 } });
    expect(translator("fr").text(error!)).toBe("Utilisez au plus 120 caractères.");
  });

  it("count drafts and members with each language's plural forms (Arabic's six)", () => {
    const ar = translator("ar");
    const counts = [0, 1, 2, 3, 11, 100].map((n) => ar.t("workspace.list.counts", { drafts: n, members: n }));
    expect(counts).toEqual([
      "0 مسودة · 0 عضو",
      "مسودة واحدة · عضو واحد",
      "مسودتان · عضوان",
      "3 مسودات · 3 أعضاء",
      "11 مسودة · 11 عضوًا",
      "100 مسودة · 100 عضو",
    ]);
    // French writes thousands with a narrow no-break space and a singular for 1.
    expect(translator("fr").t("workspace.list.counts", { drafts: 1, members: 2815 })).toBe("1 projet · 2\u202f815 membres");
    expect(translator("en").t("workspace.list.counts", { drafts: 1, members: 2815 })).toBe("1 draft · 2,815 members");
  });
});
