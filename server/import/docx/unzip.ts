/**
 * Opens a .docx: checks the byte limit, then reads the zip's central directory (fflate hands each
 * entry's declared sizes to the filter) to refuse zip bombs before a single byte is inflated, then
 * inflates only the parts the reader uses.
 */
import { strFromU8, unzipSync, type UnzipFileInfo } from "fflate";
import { DEFAULT_LIMITS, DocxImportError, type DocxLimits } from "./errors";

/** The parts the reader looks at; everything else in the package (images, fonts, themes) stays compressed. */
const WANTED = /^word\/(document|footnotes|endnotes|comments|commentsExtended|numbering|styles)\.xml$|^word\/_rels\/(document|footnotes|endnotes|comments)\.xml\.rels$/;

export type Parts = Record<string, string>;

/** Whether the bytes open with a zip's local file header, as every .docx does: a cheap first check, before any reading. */
export function looksLikeDocx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function unzip(bytes: Uint8Array, filter: (file: UnzipFileInfo) => boolean) {
  try {
    return unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof DocxImportError) throw error;
    throw new DocxImportError("import.word.damaged");
  }
}

/** A bound as a message writes it: whole megabytes, or kilobytes under one. */
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? { size: Math.round(bytes / (1024 * 1024)), unit: "mb" } : { size: Math.ceil(bytes / 1024), unit: "kb" };

export function unzipDocx(bytes: Uint8Array, limits: DocxLimits = DEFAULT_LIMITS): Parts {
  if (bytes.length > limits.maxBytes) throw new DocxImportError("import.word.tooLarge", size(limits.maxBytes));
  if (!looksLikeDocx(bytes)) throw new DocxImportError("import.word.notDocx");
  // First pass: sizes only. Returning false from the filter means fflate inflates nothing.
  let entries = 0;
  let total = 0;
  const names = new Set<string>();
  unzip(bytes, (file) => {
    entries += 1;
    total += file.originalSize;
    names.add(file.name);
    if (entries > limits.maxEntries) throw new DocxImportError("import.word.tooManyParts", { max: limits.maxEntries });
    return false;
  });
  if (total > limits.maxUncompressedBytes) throw new DocxImportError("import.word.tooLargeUnpacked", size(limits.maxUncompressedBytes));
  if (!names.has("word/document.xml")) throw new DocxImportError("import.word.noDocumentPart");
  const files = unzip(bytes, (file) => WANTED.test(file.name));
  const parts: Parts = {};
  for (const [name, data] of Object.entries(files)) parts[name] = strFromU8(data);
  if (parts["word/document.xml"] === undefined) throw new DocxImportError("import.word.damaged");
  return parts;
}
