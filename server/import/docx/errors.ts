/** The one error the DOCX reader throws: its message is a sentence to show the person importing. */
export class DocxImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocxImportError";
  }
}

/** Bounds on what a .docx may cost to read; all checked before anything is inflated. */
export interface DocxLimits {
  /** The file's own size. */
  maxBytes: number;
  /** The sum of every entry's uncompressed size, as the zip's central directory declares it. */
  maxUncompressedBytes: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: DocxLimits = { maxBytes: 50 * 1024 * 1024, maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 2000 };
