import type { MessageId } from "../../core/i18n/message";
import type { Translator } from "../../core/i18n/translator";
import type { VersionKind, VersionSummary } from "../../core/versions/contract";

const KIND_LABELS: Record<VersionKind, MessageId> = {
  session: "versions.kind.session",
  named: "versions.kind.named",
  status: "versions.kind.status",
  import: "versions.kind.import",
  restore: "versions.kind.restore",
  submitted: "versions.kind.submitted",
};

/** What a version is called: its name, else why it was made ("Before a restore"). */
export function versionTitle(t: Translator["t"], version: Pick<VersionSummary, "kind" | "name">): string {
  return version.name ?? t(KIND_LABELS[version.kind]);
}

/** "12 March 2026, 14:05", in the reader's language and time zone (a browser's; the server's is UTC). */
export function versionTime(date: Translator["date"], iso: string): string {
  return date(iso, { dateStyle: "medium", timeStyle: "short" });
}
