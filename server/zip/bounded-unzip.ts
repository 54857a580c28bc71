/**
 * Opens an uploaded zip (an .xlsx, a .docx) within bounds that count the bytes actually
 * inflated, never the sizes the zip declares: a file can declare 1 KB for a part that inflates
 * to 1.3 GB, and a reader that trusts the declaration (ExcelJS did) unpacks all of it. Each
 * entry is inflated by zlib with `maxOutputLength`, which stops at the bound as soon as the
 * output passes it (zlib inflates in 16 KB chunks), so a bomb costs at most the bound.
 *
 * Entries are found through the central directory, as every zip reader does at the end. A
 * caller that hands the result to another reader (ExcelJS) should hand it a zip rebuilt from
 * these entries, so that reader cannot see entries the directory hides.
 */
import { inflateRawSync } from "node:zlib";

export interface UnzipBounds {
  /** Bytes inflated over every entry read, counted as they are inflated. */
  maxTotalBytes: number;
  /** Bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Entries in the central directory. */
  maxEntries: number;
}

/** Why the zip was refused: which bound it passed, or that it is not a zip we can read. */
export type UnzipRefusal =
  | { kind: "total-too-large"; max: number }
  | { kind: "entry-too-large"; max: number; entry: string }
  | { kind: "too-many-entries"; max: number }
  | { kind: "damaged"; detail: string };

export class UnzipRefused extends Error {
  override readonly name = "UnzipRefused";
  constructor(readonly refusal: UnzipRefusal) {
    super(refusal.kind === "damaged" ? `damaged zip: ${refusal.detail}` : `zip refused: ${refusal.kind} (bound ${refusal.max})`);
  }
}

interface DirectoryEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** What the directory says the entry inflates to: a claim, used only to refuse early. */
  declaredSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const damaged = (detail: string) => new UnzipRefused({ kind: "damaged", detail });

function findEndOfDirectory(view: DataView): number {
  // The record is the last 22 bytes plus a comment of up to 64 KB.
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  throw damaged("no end-of-directory record");
}

/** The central directory's entries, each checked to lie inside the file. */
export function listZipEntries(zip: Uint8Array, bounds: Pick<UnzipBounds, "maxEntries">): DirectoryEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  // 0xffff means ZIP64, whose real count is elsewhere: no .xlsx or .docx we read needs it.
  if (count === 0xffff) throw damaged("ZIP64 archive");
  if (count > bounds.maxEntries) throw new UnzipRefused({ kind: "too-many-entries", max: bounds.maxEntries });
  const decoder = new TextDecoder();
  const entries: DirectoryEntry[] = [];
  let offset = view.getUint32(end + 16, true);
  for (let n = 0; n < count; n++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== CENTRAL) throw damaged("bad central directory");
    const nameLength = view.getUint16(offset + 28, true);
    const entry: DirectoryEntry = {
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      name: decoder.decode(zip.subarray(offset + 46, offset + 46 + nameLength)),
      localOffset: view.getUint32(offset + 42, true),
    };
    if (entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw damaged("ZIP64 entry");
    entries.push(entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** The entry's compressed bytes, found through its local header. */
function compressedData(zip: Uint8Array, view: DataView, entry: DirectoryEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL) throw damaged(`no local header for ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw damaged(`${entry.name} runs past the end of the file`);
  return zip.subarray(start, end);
}

/**
 * Inflates the entries `wanted` accepts (all by default), counting what is inflated against the
 * bounds and stopping at the first one passed. Directories are skipped.
 */
export function boundedUnzip(zip: Uint8Array, bounds: UnzipBounds, wanted: (name: string) => boolean = () => true): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const files = new Map<string, Uint8Array>();
  const entries = listZipEntries(zip, bounds).filter((entry) => !entry.name.endsWith("/") && wanted(entry.name));
  // A file that admits to being too large is refused before anything is inflated; one that
  // understates is caught while inflating.
  if (entries.reduce((sum, entry) => sum + entry.declaredSize, 0) > bounds.maxTotalBytes) throw new UnzipRefused({ kind: "total-too-large", max: bounds.maxTotalBytes });
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1) throw damaged(`${entry.name} is encrypted`);
    const data = compressedData(zip, view, entry);
    const room = Math.min(bounds.maxEntryBytes, bounds.maxTotalBytes - total);
    // Which bound a refusal names: the entry's own, unless the whole file's remainder is smaller.
    const passed = () =>
      room < bounds.maxEntryBytes
        ? new UnzipRefused({ kind: "total-too-large", max: bounds.maxTotalBytes })
        : new UnzipRefused({ kind: "entry-too-large", max: bounds.maxEntryBytes, entry: entry.name });
    let inflated: Uint8Array;
    if (entry.method === 0) inflated = data;
    else if (entry.method === 8) {
      try {
        const buffer = inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
        // A plain Uint8Array of this realm: zlib's Buffer can come from another (a test's VM
        // context), where `instanceof Uint8Array` fails and fflate's zipSync took it for a folder.
        inflated = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw passed();
        throw damaged(`${entry.name}: ${(error as Error).message}`);
      }
    } else throw damaged(`${entry.name} uses compression method ${entry.method}`);
    if (inflated.length > room) throw passed();
    total += inflated.length;
    files.set(entry.name, inflated);
  }
  return files;
}
