import { describe, expect, it } from "vitest";
import type { InterfaceLocale } from "../../core/i18n/locales";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { connectionLabel } from "../editor/connection-status";
import { deviceLabel, methodSelector } from "./device-label";
import { relativeTime } from "./relative-time";

const translator = (locale: InterfaceLocale, numerals: "latn" | "arab" = "latn") => createTranslator(locale, UI_CATALOGUES[locale], { numerals, fallback: UI_CATALOGUES.en });
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

describe("how a device and a time are said", () => {
  it("names the browser and system from the User-Agent, in the reader's words", () => {
    const en = translator("en");
    const fr = translator("fr");
    const say = (tr: typeof en, ua: string | null) => {
      const label = deviceLabel(ua);
      return tr.t(label.id, label.values);
    };
    expect(say(en, FIREFOX)).toBe("Firefox 133 on Windows");
    expect(say(fr, FIREFOX)).toBe("Firefox 133 sur Windows");
    expect(say(en, SAFARI_IPHONE)).toBe("Safari 17 on iOS");
    expect(say(en, null)).toBe("Unknown browser");
    expect(say(en, "curl/8.5.0")).not.toBe("Unknown browser on Unknown");
  });

  it("says roughly when, in the reader's language and digits", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    expect(relativeTime("en", new Date("2026-12-07T11:59:30Z"), now)).toBe("now");
    expect(relativeTime("en", new Date("2026-12-07T11:58:00Z"), now)).toBe("2 minutes ago");
    expect(relativeTime("en", new Date("2026-12-04T12:00:00Z"), now)).toBe("3 days ago");
    expect(relativeTime("fr", new Date("2026-12-04T12:00:00Z"), now)).toBe("il y a 3 jours");
    expect(relativeTime("en", new Date("2026-10-07T12:00:00Z"), now)).toBe("2 months ago");
    expect(relativeTime("ar-u-nu-arab", new Date("2026-12-04T12:00:00Z"), now)).toMatch(/٣/);
  });

  it("says how the device signed in, and what offline means on a shared computer", () => {
    const en = translator("en");
    const ar = translator("ar");
    expect(en.t("sessions.signedIn", { when: "3 days ago", method: methodSelector("two-step") })).toBe("Signed in 3 days ago with a password and a two-step code");
    expect(en.t("sessions.signedIn", { when: "now", method: methodSelector("sign-up") })).toBe("Signed in now when the account was created");
    expect(ar.t("sessions.signedIn", { when: "الآن", method: methodSelector("passkey") })).toBe("سُجِّل الدخول الآن بمفتاح مرور");
    expect(en.text(connectionLabel("offline", 2, true))).toMatch(/^Offline\. This is a shared computer, so nothing is kept here/);
    expect(en.text(connectionLabel("offline", 2, false))).toBe("Offline — 2 changes kept on this device");
    expect(en.text(connectionLabel("online", 0, true))).toBe("All changes saved");
  });
});
