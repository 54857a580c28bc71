import { createTranslator } from "../../core/i18n/translator";
import type { Message } from "../../core/i18n/message";
import type { Finding, Fix } from "../../core/checks/finding";
import { UI_CATALOGUES } from "../../locales/ui/all";

/**
 * The checks' messages in English, for tests and tools that compare what a person reads: the
 * rules hand over catalogue messages (finding.ts), and the English catalogue is the source text.
 */
export const ENGLISH = createTranslator("en", UI_CATALOGUES.en);

/** A finding's (or fix's, or place's) message as an English reader sees it. */
export const inEnglish = (message: Message): string => ENGLISH.text(message);

/** A finding as an English reader reads it: its message and its fix's label in words, the rest as it is. */
export type EnglishFinding = Omit<Finding, "message" | "fix"> & { message: string; fix?: Omit<Fix, "label"> & { label: string } };

export function inEnglishFindings(findings: readonly Finding[]): EnglishFinding[] {
  return findings.map(({ fix, ...finding }) => ({
    ...finding,
    message: inEnglish(finding.message),
    ...(fix ? { fix: { ...fix, label: inEnglish(fix.label) } } : {}),
  }));
}
