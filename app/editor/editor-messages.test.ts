import { describe, expect, it } from "vitest";
import { closeMessage, CloseCode } from "../../core/collab/close-codes";
import type { InterfaceLocale } from "../../core/i18n/locales";
import { createTranslator } from "../../core/i18n/translator";
import { message } from "../../core/i18n/message";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { formatBytes } from "../components/submitted-files";
import { refusalText } from "../export/refusal-text";
import { connectionLabel } from "./connection-status";

const translator = (locale: InterfaceLocale, numerals: "latn" | "arab" = "latn") => createTranslator(locale, UI_CATALOGUES[locale], { numerals, fallback: UI_CATALOGUES.en });
const en = translator("en");
const fr = translator("fr");
const ar = translator("ar");

describe("the draft page's messages in French and Arabic", () => {
  it("counts the changes kept offline with each of Arabic's plural forms", () => {
    const offline = (n: number, tr = ar) => tr.text(connectionLabel("offline", n));
    expect(offline(0)).toBe("غير متصل — حُفظت جميع التغييرات");
    expect(offline(1)).toBe("غير متصل — تغيير واحد محفوظ على هذا الجهاز");
    expect(offline(2)).toBe("غير متصل — تغييران محفوظان على هذا الجهاز");
    expect(offline(3)).toBe("غير متصل — 3 تغييرات محفوظة على هذا الجهاز");
    expect(offline(11)).toBe("غير متصل — 11 تغييرًا محفوظًا على هذا الجهاز");
    expect(offline(100)).toBe("غير متصل — 100 تغيير محفوظ على هذا الجهاز");
    // With Arabic-Indic digits chosen, the number is written in them.
    expect(offline(11, translator("ar", "arab"))).toBe("غير متصل — ١١ تغييرًا محفوظًا على هذا الجهاز");
  });

  it("keeps the English indicator as it was, with a real plural", () => {
    expect(en.text(connectionLabel("offline", 1))).toBe("Offline — 1 change kept on this device");
    expect(en.text(connectionLabel("offline", 3))).toBe("Offline — 3 changes kept on this device");
    expect(en.text(connectionLabel("online", 0))).toBe("All changes saved");
    expect(fr.text(connectionLabel("ended", 2))).toBe("Déconnecté — 2 modifications non enregistrées");
  });

  it("writes the word count with the language's number format", () => {
    // French groups thousands with a narrow no-break space: "2 815 mots".
    expect(fr.t("editor.words.rule", { parts: fr.list(["corps du texte", "titres"]), footnotes: 2815 })).toBe(
      "Comptés : corps du texte et titres. Notes de bas de page : 2\u202f815 mots.",
    );
    expect(fr.t("editor.words.rule", { parts: "corps du texte", footnotes: 1 })).toMatch(/: 1 mot\.$/);
    expect(ar.t("editor.presence.count", { count: 2 })).toBe("شخصان في هذه المسودة");
  });

  it("tells why the socket closed in the reader's language", () => {
    expect(fr.text(closeMessage(CloseCode.ServerShuttingDown)!)).toBe("Le serveur redémarre. Reconnexion…");
    expect(ar.text(closeMessage(CloseCode.SessionEnded)!)).toMatch(/^سُجّل خروجك/);
  });

  it("sizes a stored file in the reader's units", () => {
    expect(formatBytes(48_200, en.t)).toBe("48 KB");
    expect(formatBytes(1_234_567, fr.t)).toBe("1,2 Mo");
    expect(formatBytes(1, ar.t)).toBe("بايت واحد");
  });

  it("words a disclosure refusal from its counts, in English as before and in French", () => {
    const refused = {
      error: { id: "export.disclosure.refused" as const },
      summary: {
        mentions: 3,
        placeholders: 1,
        places: [message("checks.place.para", { n: 2 }), message("checks.place.note", { n: 1 }), message("checks.place.para", { n: 3 }), message("checks.place.cover")],
        morePlaces: 0,
      },
    };
    expect(refusalText(en, refused)).toBe(
      "Nothing was exported: the draft names a confidential organisation 3 times and keeps 1 template placeholder (para. 2, note 1, para. 3, cover). Fix them in the draft (the Checks tab goes to each), or an owner can export it anyway.",
    );
    expect(refusalText(fr, { ...refused, summary: { ...refused.summary, mentions: 1, morePlaces: 2 } })).toBe(
      "Rien n'a été exporté : le projet nomme une organisation confidentielle une fois et conserve 1 espace réservé du modèle (par. 2, note 1, par. 3, page de couverture et 2 autres endroits). Corrigez-les dans le projet (l'onglet Vérifications mène à chacun), ou un propriétaire peut l'exporter quand même.",
    );
  });
});
