import { describe, expect, it } from "vitest";
import { readLibraryUpload } from "./upload.server";

const URL_ = "http://caucus.test/upload";

function multipart(parts: Array<{ name: string; value: string | File }>): Request {
  const form = new FormData();
  for (const part of parts) form.append(part.name, part.value);
  return new Request(URL_, { method: "POST", body: form });
}

/** The same body, sent in chunks with no Content-Length, as a chunked upload arrives. */
async function chunked(request: Request): Promise<Request> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 1024) controller.enqueue(bytes.subarray(at, at + 1024));
      controller.close();
    },
  });
  return new Request(URL_, { method: "POST", body, headers: { "content-type": request.headers.get("content-type")! }, duplex: "half" } as RequestInit);
}

describe("readLibraryUpload", () => {
  it("reads one file and the small fields", async () => {
    const result = await readLibraryUpload(multipart([{ name: "intent", value: "preview" }, { name: "file", value: new File(["Text\nA\n"], "a.csv") }]));
    if (!result.ok) throw new Error(result.message.id);
    expect(result.form.get("intent")).toBe("preview");
    expect(await (result.form.get("file") as File).text()).toBe("Text\nA\n");
  });

  it("refuses a file over the bound with 413 even when no length was declared", async () => {
    const request = await chunked(multipart([{ name: "file", value: new File(["x".repeat(5000)], "big.csv") }]));
    expect(request.headers.get("content-length")).toBeNull();
    expect(await readLibraryUpload(request, 4000)).toEqual({ ok: false, status: 413, message: { id: "import.upload.tooLarge", values: { size: 4000 / 1024 / 1024 } } });
  });

  it("refuses a declared length over the bound without reading the body", async () => {
    const body = new ReadableStream({ pull: () => Promise.reject(new Error("the body must not be read")) });
    const request = new Request(URL_, { method: "POST", body, headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024) }, duplex: "half" } as RequestInit);
    expect(await readLibraryUpload(request, 1024)).toMatchObject({ ok: false, status: 413 });
  });

  it("keeps only the first file and says 400 for a form that is not multipart", async () => {
    const two = await readLibraryUpload(multipart([{ name: "file", value: new File(["one"], "1.csv") }, { name: "file", value: new File(["two"], "2.csv") }, { name: "other", value: new File(["x"], "x.csv") }]));
    if (!two.ok) throw new Error(two.message.id);
    expect(two.form.getAll("file")).toHaveLength(1);
    expect(two.form.has("other")).toBe(false);
    const urlencoded = new Request(URL_, { method: "POST", body: new URLSearchParams({ intent: "preview" }) });
    expect(await readLibraryUpload(urlencoded)).toMatchObject({ ok: false, status: 400 });
  });
});
