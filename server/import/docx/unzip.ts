/**
 * Opens a .docx: checks the byte limit, reads the zip's central directory (entry count, the
 * main part's presence), then inflates only the parts the reader uses through the bounded
 * unzip (server/zip), which counts the bytes it inflates rather than trusting declared sizes.
 */
import { strFromU8 } from "fflate";
import { boundedUnzip, listZipEntries, UnzipRefused } from "../../zip/bounded-unzip";
import { DEFAULT_LIMITS, DocxImportError, type DocxLimits } from "./errors";

/** The parts the reader looks at; everything else in the package (images, fonts, themes) stays compressed. */
const WANTED = /^word\/(document|footnotes|endnotes|comments|commentsExtended|numbering|styles)\.xml$|^word\/_rels\/(document|footnotes|endnotes|comments)\.xml\.rels$/;

export type Parts = Record<string, string>;

/** Whether the bytes open with a zip's local file header, as every .docx does: a cheap first check, before any reading. */
export function looksLikeDocx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A bound as a message writes it: whole megabytes, or kilobytes under one. */
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? { size: Math.round(bytes / (1024 * 1024)), unit: "mb" } : { size: Math.ceil(bytes / 1024), unit: "kb" };

function asDocxError(error: unknown, limits: DocxLimits): DocxImportError {
  if (!(error instanceof UnzipRefused)) return new DocxImportError("import.word.damaged");
  const { refusal } = error;
  if (refusal.kind === "too-many-entries") return new DocxImportError("import.word.tooManyParts", { max: limits.maxEntries });
  if (refusal.kind === "damaged") return new DocxImportError("import.word.damaged");
  return new DocxImportError("import.word.tooLargeUnpacked", size(limits.maxUncompressedBytes));
}

export function unzipDocx(bytes: Uint8Array, limits: DocxLimits = DEFAULT_LIMITS): Parts {
  if (bytes.length > limits.maxBytes) throw new DocxImportError("import.word.tooLarge", size(limits.maxBytes));
  if (!looksLikeDocx(bytes)) throw new DocxImportError("import.word.notDocx");
  const bounds = { maxEntries: limits.maxEntries, maxTotalBytes: limits.maxUncompressedBytes, maxEntryBytes: limits.maxUncompressedBytes };
  let files: Map<string, Uint8Array>;
  try {
    if (!listZipEntries(bytes, bounds).some((entry) => entry.name === "word/document.xml")) throw new DocxImportError("import.word.noDocumentPart");
    files = boundedUnzip(bytes, bounds, (name) => WANTED.test(name));
  } catch (error) {
    if (error instanceof DocxImportError) throw error;
    throw asDocxError(error, limits);
  }
  const parts: Parts = {};
  for (const [name, data] of files) parts[name] = strFromU8(data);
  if (parts["word/document.xml"] === undefined) throw new DocxImportError("import.word.damaged");
  return parts;
}
