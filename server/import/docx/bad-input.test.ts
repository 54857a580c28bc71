import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { UN_HEADING_NUMBERING } from "../../../core/editor";
import { exportModel } from "../../../core/export/export-model";
import { RICH_COVER, richDraft } from "../../../test/fixtures/export/rich-draft";
import { toNode } from "../../../test/fixtures/import/compare";
import { damageBytes, damageXml, random } from "../../../test/fixtures/import/mutate";
import { renderDocx } from "../../export/docx";
import { DocxImportError, looksLikeDocx, readDocx } from "./index";

let good: Uint8Array;
beforeAll(async () => {
  good = new Uint8Array(await renderDocx(exportModel(richDraft(), { language: "en", headingNumbering: UN_HEADING_NUMBERING }), RICH_COVER));
});

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected readDocx to throw");
}

const rezip = (edit: (files: Record<string, Uint8Array>) => void) => {
  const files = unzipSync(good);
  edit(files);
  return zipSync(files);
};

describe("looksLikeDocx", () => {
  it("tells a zip from anything else by its first bytes, as readDocx does", () => {
    expect(looksLikeDocx(good)).toBe(true);
    expect(looksLikeDocx(zipSync({ "hello.txt": strToU8("hello") }))).toBe(true);
    expect([strToU8("%PDF-1.7"), new Uint8Array(0), strToU8("PK")].map(looksLikeDocx)).toEqual([false, false, false]);
  });
});

describe("readDocx refuses bad input with a sentence for a person", () => {
  it.each([
    ["a file over the byte limit, checked first", () => readDocx(new Uint8Array(50 * 1024 * 1024 + 1)), "This file is larger than 50 MB, the most Caucus can import."],
    ["a file that is not a zip", () => readDocx(strToU8("%PDF-1.7 not a Word file")), "This file is not a Word document (.docx)."],
    ["a zip cut short", () => readDocx(good.slice(0, Math.floor(good.length / 2))), "This Word file is damaged and cannot be opened; try saving it again from Word."],
    ["a zip without word/document.xml", () => readDocx(zipSync({ "hello.txt": strToU8("hello") })), "This file is a zip archive but not a Word document: it has no main document part."],
    ["a document.xml that is not well-formed", () => readDocx(rezip((f) => (f["word/document.xml"] = strToU8("<w:document><w:body><w:p></w:body>")))), "This Word file is damaged (its word/document.xml part is not valid XML) and cannot be imported."],
    ["a zip with too many entries", () => readDocx(zipSync(Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`word/media/${i}.txt`, strToU8("x")])))), "This file holds more than 2000 parts, too many for a Word document; it cannot be imported."],
  ])("%s", (_name, run, message) => {
    const error = failure(run);
    expect(error).toBeInstanceOf(DocxImportError);
    expect(error.message).toBe(message);
  });

  it("refuses a zip bomb from its declared sizes before inflating anything", () => {
    // One real entry whose central directory claims 200 MB: were it inflated, the data would not
    // match the size and the error would be "damaged", so the bomb message proves nothing was inflated.
    const bytes = zipSync({ "word/document.xml": strToU8("<w:document/>") });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x02014b50) at--;
    view.setUint32(at + 24, 200 * 1024 * 1024, true);
    const error = failure(() => readDocx(bytes));
    expect(error).toBeInstanceOf(DocxImportError);
    expect(error.message).toBe("This file would unpack to more than 100 MB, too much for a Word document; it cannot be imported.");
  });

  it("ignores an entry's lying small declared size: the bytes inflated are what count", () => {
    const bytes = zipSync({ "word/document.xml": [new Uint8Array(3 * 1024 * 1024), { level: 1 }] });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x02014b50) at--;
    view.setUint32(at + 24, 10, true);
    view.setUint32(22, 10, true);
    // Within the bound the real 3 MB are read (zeros are not a document); past it, the bound speaks.
    expect(failure(() => readDocx(bytes))).toBeInstanceOf(DocxImportError);
    expect(failure(() => readDocx(bytes, { maxUncompressedBytes: 2 * 1024 * 1024 })).message).toBe(
      "This file would unpack to more than 2 MB, too much for a Word document; it cannot be imported."
    );
  });

  it("refuses real zeros that unpack past the limit", () => {
    const bytes = zipSync({ "word/document.xml": [new Uint8Array(3 * 1024 * 1024), { level: 1 }] });
    expect(bytes.length).toBeLessThan(64 * 1024);
    expect(failure(() => readDocx(bytes, { maxUncompressedBytes: 2 * 1024 * 1024 }))).toBeInstanceOf(DocxImportError);
  });
});

describe("readDocx on damaged copies of a real export (seeded fuzz)", () => {
  it("returns a valid document or throws DocxImportError, for 200 mutations", () => {
    const rand = random(20261127);
    const outcomes = { documents: 0, refused: 0 };
    for (let i = 0; i < 200; i++) {
      const bytes = i % 2 === 0 ? damageBytes(good, rand) : damageXml(good, rand);
      try {
        const { doc } = readDocx(bytes);
        expect(() => toNode(doc).check()).not.toThrow();
        outcomes.documents += 1;
      } catch (error) {
        expect([i, error instanceof DocxImportError ? "DocxImportError" : String(error)]).toEqual([i, "DocxImportError"]);
        outcomes.refused += 1;
      }
    }
    // Both paths are exercised: some damage is survivable (a flipped letter), some is not.
    expect(outcomes.documents).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 60_000);
});
