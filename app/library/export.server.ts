import type { LibraryExportFile } from "../schemas/library";

const TYPES: Record<LibraryExportFile, string> = {
  "recommendations.csv": "text/csv; charset=utf-8",
  // The media type CSL-JSON is registered under; Zotero reads the file by its content anyway.
  "sources.json": "application/vnd.citationstyles.csl+json; charset=utf-8",
  "sources.csv": "text/csv; charset=utf-8",
};

/** "Ghana UPR Coalition" → "ghana-upr-coalition"; "" when nothing ASCII is left. */
function asciiSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

// encodeURIComponent leaves ' ( ) * as they are; RFC 5987 does not allow them unencoded.
const rfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * An attachment header for `<workspace>-<file>`: an ASCII filename for old clients, and the
 * RFC 6266 filename* with the name as typed for the rest, so "Coalición" survives the download.
 */
export function attachmentHeader(workspaceName: string, file: string): string {
  const ascii = `${asciiSlug(workspaceName) || "library"}-${file}`;
  const full = `${workspaceName.trim() || "library"}-${file}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(full)}`;
}

/** The coalition's own library as a download (the text from the library service); the shared library is never included. */
export function libraryExportResponse(body: string, workspace: { name: string }, file: LibraryExportFile): Response {
  return new Response(body, {
    headers: {
      "Content-Type": TYPES[file],
      "Content-Disposition": attachmentHeader(workspace.name, file),
      // A coalition's working library can be sensitive: no shared caches, no stale copies.
      "Cache-Control": "private, no-store",
    },
  });
}
