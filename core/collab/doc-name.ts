/**
 * Collaboration document names: `draft.<uuid>`, built and parsed only here. The WebSocket path
 * is `/collab/<name>` (y-websocket appends the room name to the server URL).
 */
export const COLLAB_PATH_PREFIX = "/collab/";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function draftDocName(draftId: string): string {
  return `draft.${draftId}`;
}

/** The draft id in a document name, or null for anything that is not exactly `draft.<uuid>`. */
export function parseDraftDocName(name: string): string | null {
  if (!name.startsWith("draft.")) return null;
  const id = name.slice("draft.".length).toLowerCase();
  return UUID.test(id) ? id : null;
}

/**
 * The canonical document name in a request path such as `/collab/draft.<uuid>?x=1`, or null.
 * Rooms are keyed by this name, so it is rebuilt from the lower-cased id: an upper-case UUID
 * must join the live room of the same draft, not open a second one beside it.
 */
export function docNameFromPath(path: string): string | null {
  const pathname = path.split("?")[0] ?? "";
  if (!pathname.startsWith(COLLAB_PATH_PREFIX)) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(COLLAB_PATH_PREFIX.length));
  } catch {
    // A malformed escape ("%E0%A4%A") is not a document name; throwing would reject the upgrade handler.
    return null;
  }
  const draftId = parseDraftDocName(name);
  return draftId ? draftDocName(draftId) : null;
}
