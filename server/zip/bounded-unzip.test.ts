import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { bombEntry, deflatedEntry, handZip } from "../../test/zip-bomb";
import { boundedUnzip, listZipEntries, UnzipRefused, type UnzipRefusal } from "./bounded-unzip";

const MB = 1024 * 1024;
const bounds = { maxTotalBytes: 16 * MB, maxEntryBytes: 8 * MB, maxEntries: 10 };

function refusal(run: () => unknown): UnzipRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof UnzipRefused) return error.refusal;
    throw error;
  }
  throw new Error("expected the zip to be refused");
}

describe("boundedUnzip", () => {
  it("reads every entry of an ordinary zip, stored or deflated, and only the wanted ones when asked", () => {
    const zip = zipSync({ "a.txt": [strToU8("hello"), { level: 0 }], "dir/b.xml": [strToU8("<b/>".repeat(1000)), { level: 9 }] });
    const all = boundedUnzip(zip, bounds);
    expect([...all.keys()]).toEqual(["a.txt", "dir/b.xml"]);
    expect(new TextDecoder().decode(all.get("dir/b.xml"))).toBe("<b/>".repeat(1000));
    expect([...boundedUnzip(zip, bounds, (name) => name.endsWith(".xml")).keys()]).toEqual(["dir/b.xml"]);
  });

  it("counts what it inflates, not what the zip declares: a part declared as 1 KB that unpacks to 64 MB stops at the part's bound", async () => {
    const zip = handZip([await bombEntry("xl/sharedStrings.xml", 64, 1024)]);
    expect(zip.length).toBeLessThan(400_000);
    expect(listZipEntries(zip, bounds)[0]?.declaredSize).toBe(1024);
    const before = process.memoryUsage().arrayBuffers;
    expect(refusal(() => boundedUnzip(zip, bounds))).toEqual({ kind: "entry-too-large", max: 8 * MB, entry: "xl/sharedStrings.xml" });
    // Stopped at the bound: what it allocated is of the order of 8 MB, never 64.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * MB);
  });

  it("stops at the bound on all entries together, each within its own", async () => {
    const parts = await Promise.all([0, 1, 2].map((i) => bombEntry(`part${i}.xml`, 7, 10)));
    expect(refusal(() => boundedUnzip(handZip(parts), bounds))).toEqual({ kind: "total-too-large", max: 16 * MB });
    expect([...boundedUnzip(handZip(parts.slice(0, 2)), bounds).values()].map((v) => v.length)).toEqual([7 * MB, 7 * MB]);
  });

  it("refuses at once a zip that declares more than the bound, and one with too many entries", async () => {
    const honest = handZip([{ ...(await deflatedEntry("big.xml", "<x/>")), declaredSize: 17 * MB }]);
    expect(refusal(() => boundedUnzip(honest, bounds))).toEqual({
      kind: "total-too-large",
      max: 16 * MB,
    });
    const many = zipSync(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`${i}.txt`, strToU8("x")])));
    expect(refusal(() => boundedUnzip(many, bounds))).toEqual({ kind: "too-many-entries", max: 10 });
  });

  it("calls damaged what is not a zip, is cut short, or has a deflate stream that does not inflate", async () => {
    const good = handZip([await deflatedEntry("a.xml", "<a/>".repeat(100))]);
    expect(refusal(() => boundedUnzip(strToU8("not a zip at all"), bounds)).kind).toBe("damaged");
    expect(refusal(() => boundedUnzip(good.slice(0, good.length - 30), bounds)).kind).toBe("damaged");
    const broken = good.slice();
    broken.fill(0xff, 40, 50); // inside the deflate stream
    expect(refusal(() => boundedUnzip(broken, bounds)).kind).toBe("damaged");
  });
});
