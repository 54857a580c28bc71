import { createHash } from "node:crypto";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { countDocumentWords, type CountingRule } from "../../core/checks/word-count";
import { BODY_FIELD, documentSchema, readCover, type Cover } from "../../core/editor";
import { authorshipOf } from "../../core/versions/authorship";
import type { Authorship } from "../../core/versions/contract";

/** A draft read at one moment, as a version keeps it. */
export interface VersionReading {
  content: Record<string, unknown>;
  cover: Cover;
  authorship: Authorship;
  contentSha256: string;
  /** Counted words by the draft template's rule. */
  words: number;
}

/**
 * SHA-256 of a version's canonical body and cover: equal exactly when a person would read the
 * same text and cover (ProseMirror's toJSON and readCover write keys in a fixed order).
 */
export function versionFingerprint(content: Record<string, unknown>, cover: Cover): string {
  return createHash("sha256").update(JSON.stringify({ content, cover })).digest("hex");
}

/** Reads a Y.Doc as a version: `userOfClient` names who each Yjs client was (draft_clients). */
export function readVersion(ydoc: Y.Doc, counts: CountingRule, userOfClient: (clientId: number) => string | null): VersionReading {
  const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), documentSchema());
  const content = root.toJSON() as Record<string, unknown>;
  const cover = readCover(ydoc);
  return {
    content,
    cover,
    authorship: authorshipOf(ydoc, userOfClient, root),
    contentSha256: versionFingerprint(content, cover),
    words: countDocumentWords(root, counts).counted,
  };
}
