import { parseDraftDocName } from "../../core/collab/doc-name";

/**
 * What this browser keeps of drafts, and how it forgets it. The editor keeps each draft's Y.Doc
 * in an IndexedDB database named per person and per draft (app/editor/use-collab-session.ts), so
 * a reload while offline keeps unsent edits. Signing out, a session ended elsewhere, or losing
 * access to a draft deletes those copies (issue 22: a shared computer keeps nothing).
 */
const PREFIX = "caucus:";

/** The IndexedDB database holding one person's offline copy of one draft. */
export function offlineCopyName(userId: string, docName: string): string {
  return `${PREFIX}${userId}:${docName}`;
}

/** The Caucus databases in this browser (none where the browser cannot list them). */
export async function caucusDatabases(): Promise<string[]> {
  if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return [];
  const all = await indexedDB.databases().catch(() => []);
  return all.map((db) => db.name ?? "").filter((name) => name.startsWith(PREFIX));
}

/**
 * Deletes one database. Resolves once deleted, or once the deletion is queued behind a page
 * still holding it open (it completes when that page lets go), so a caller never hangs.
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

/** Signed out: every draft copy of anyone who used this browser, and every cache. */
export async function forgetEverything(): Promise<void> {
  await Promise.all((await caucusDatabases()).map(deleteDatabase));
  if (typeof caches !== "undefined") {
    const keys = await caches.keys().catch(() => []);
    await Promise.all(keys.map((key) => caches.delete(key).catch(() => false)));
  }
}

/** This person's copies, by draft id. */
async function ownCopies(userId: string): Promise<Map<string, string>> {
  const copies = new Map<string, string>();
  for (const name of await caucusDatabases()) {
    if (!name.startsWith(offlineCopyName(userId, ""))) continue;
    const draftId = parseDraftDocName(name.slice(offlineCopyName(userId, "").length));
    if (draftId) copies.set(draftId, name);
  }
  return copies;
}

/** A shared computer keeps nothing: copies made before the person said so go too. */
export async function forgetOwnCopies(userId: string): Promise<void> {
  await Promise.all([...(await ownCopies(userId)).values()].map(deleteDatabase));
}

/**
 * Asks the server which of this person's copies they may still read (an owner may have removed
 * them from a workspace) and deletes the rest. The server decides; an answer that is not one
 * (offline, signed out meanwhile) deletes nothing.
 */
export async function forgetUnreadableCopies(userId: string): Promise<void> {
  const copies = await ownCopies(userId);
  if (copies.size === 0) return;
  const body = new URLSearchParams([...copies.keys()].map((id) => ["draftId", id]));
  const response = await fetch("/account/offline-copies", { method: "POST", body, credentials: "same-origin" }).catch(() => null);
  if (!response?.ok || !response.headers.get("content-type")?.includes("application/json")) return;
  const answer = (await response.json().catch(() => null)) as { ok?: boolean; readable?: unknown } | null;
  if (!answer?.ok || !Array.isArray(answer.readable)) return;
  const readable = new Set(answer.readable);
  await Promise.all([...copies].filter(([id]) => !readable.has(id)).map(([, name]) => deleteDatabase(name)));
}
