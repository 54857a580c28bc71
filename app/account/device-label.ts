import Bowser from "bowser";
import type { MessageId } from "../../core/i18n/message";

export interface DeviceParts {
  /** "Firefox 133": the browser's own name and major version (names are not translated). */
  browser: string | null;
  /** "Windows", "macOS", "Android"… */
  system: string | null;
}

/** The browser and system a User-Agent names, as far as it says; never more than the header holds. */
export function deviceParts(userAgent: string | null): DeviceParts {
  if (!userAgent) return { browser: null, system: null };
  const parsed = Bowser.getParser(userAgent);
  const name = parsed.getBrowserName() || null;
  const major = parsed.getBrowserVersion()?.split(".")[0] || null;
  return { browser: name ? (major ? `${name} ${major}` : name) : null, system: parsed.getOSName() || null };
}

/** "Firefox 133 on Windows" as a catalogue message and its values (the words differ by language). */
export function deviceLabel(userAgent: string | null): { id: MessageId; values: Record<string, string> } {
  const { browser, system } = deviceParts(userAgent);
  if (browser && system) return { id: "sessions.device", values: { browser, system } };
  if (browser || system) return { id: "sessions.deviceOnly", values: { name: (browser ?? system)! } };
  return { id: "sessions.unknownDevice", values: {} };
}

/** A sign-in method as the catalogue's select names it (ICU selectors cannot hold hyphens). */
export function methodSelector(method: string | null): string {
  switch (method) {
    case "two-step":
      return "twoStep";
    case "recovery-code":
      return "recoveryCode";
    case "sign-up":
      return "signUp";
    default:
      return method ?? "other";
  }
}
