import { crc32, createDeflateRaw } from "node:zlib";

/**
 * A zip built by hand for tests of hostile uploads: each entry's bytes are given already
 * compressed (raw deflate), with the sizes the zip should *declare*, which may lie.
 */
export interface HandEntry {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Uint8Array;
  crc: number;
  /** What the local header and the central directory claim the entry inflates to. */
  declaredSize: number;
}

export function handZip(entries: HandEntry[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, entry.crc, true);
    lv.setUint32(18, entry.deflated.length, true);
    lv.setUint32(22, entry.declaredSize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, entry.crc, true);
    cv.setUint32(20, entry.deflated.length, true);
    cv.setUint32(24, entry.declaredSize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.deflated);
    centrals.push(central);
    offset += local.length + entry.deflated.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `text` deflated as one entry (small parts of a workbook). */
export async function deflatedEntry(name: string, text: string, declaredSize = Buffer.byteLength(text)): Promise<HandEntry> {
  const bytes = Buffer.from(text);
  return { name, deflated: await deflate([bytes]), crc: crc32(bytes), declaredSize };
}

/**
 * An entry of `megabytes` MB between `head` and `tail` that deflates about 220:1 (level 1, as a
 * crafted file would be to look ordinary), declared as `declaredSize` bytes: the lie that made
 * ExcelJS unpack 1.3 GB from a 5 MB file.
 */
export async function bombEntry(name: string, megabytes: number, declaredSize: number, head = "", tail = ""): Promise<HandEntry> {
  const block = Buffer.alloc(1024 * 1024, "a");
  const chunks = [Buffer.from(head), ...Array.from({ length: megabytes }, () => block), Buffer.from(tail)];
  let crc = 0;
  for (const chunk of chunks) crc = crc32(chunk, crc);
  return { name, deflated: await deflate(chunks), crc, declaredSize };
}

function deflate(chunks: Buffer[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const stream = createDeflateRaw({ level: 1 });
    const out: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => out.push(chunk));
    stream.on("end", () => resolve(new Uint8Array(Buffer.concat(out))));
    stream.on("error", reject);
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
}

/** A workbook whose shared strings unpack to `megabytes` MB while the zip declares 1 KB: the attack of issue 22. */
export async function xlsxBomb(megabytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  return handZip([
    await deflatedEntry(
      "[Content_Types].xml",
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`
    ),
    await deflatedEntry("xl/workbook.xml", `${xml}<workbook xmlns="${ns}"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>`),
    await deflatedEntry("xl/worksheets/sheet1.xml", `${xml}<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`),
    await bombEntry("xl/sharedStrings.xml", megabytes, 1024, `${xml}<sst xmlns="${ns}" count="1" uniqueCount="1"><si><t>`, "</t></si></sst>"),
  ]);
}
