import { readFile } from "node:fs/promises";
import type { ImportStreamLine } from "../../core/library/import-types";
import { ORIGIN } from "../remix";

/** A fixture from test/fixtures/library as the File a browser would upload. */
export async function fixtureFile(name: string): Promise<File> {
  const bytes = await readFile(new URL(`../fixtures/library/${name}`, import.meta.url));
  return new File([bytes], name);
}

/** A multipart form post as the import form sends it: fields, the file, the session cookie. */
export function uploadRequest(path: string, options: { token?: string; fields?: Record<string, string>; file?: File; headers?: Record<string, string> } = {}): Request {
  const form = new FormData();
  for (const [key, value] of Object.entries(options.fields ?? {})) form.set(key, value);
  if (options.file) form.set("file", options.file);
  const headers = new Headers({ origin: ORIGIN, ...options.headers });
  if (options.token) headers.set("cookie", `caucus_session=${options.token}`);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: form });
}

/** Every line of a streamed NDJSON answer. */
export async function readNdjson(response: Response): Promise<ImportStreamLine[]> {
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ImportStreamLine);
}

/** The mapping fields of a preview, as the step-2 form posts them back unchanged. */
export function mappingFields(preview: { file: { name: string; size: number }; columns: Array<{ field: string | null }> }): Record<string, string> {
  const fields: Record<string, string> = {
    previewName: preview.file.name,
    previewSize: String(preview.file.size),
    columns: String(preview.columns.length),
  };
  preview.columns.forEach((column, i) => (fields[`column-${i}`] = column.field ?? ""));
  return fields;
}
