import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { listFontFiles, resolveFonts } from "../server/export/pdf/fonts";

/**
 * Whether this machine can make and read PDFs as the export tests do: the Debian fonts Typst
 * lays out with (fonts-liberation2, fonts-noto-core, fonts-noto-cjk) and poppler-utils'
 * pdftotext. Like the browser tests: without them a laptop run skips these tests with one line;
 * with CI set, their absence fails the run (.ci/run installs them).
 */
export function pdfToolsAvailable(): boolean {
  const missing: string[] = [];
  if (spawnSync("pdftotext", ["-v"]).error) missing.push("poppler-utils");
  try {
    resolveFonts(listFontFiles(), new Set(["latin", "arabic", "han"]));
  } catch (error) {
    missing.push(error instanceof Error ? error.message : String(error));
  }
  if (missing.length === 0) return true;
  const why = `PDF export tests need ${missing.join("; ")}`;
  if (process.env.CI) throw new Error(`CI is set but ${why}.`);
  console.warn(`${why}: skipped (see the README's "Checks, review and export").`);
  return false;
}

/**
 * Whether LibreOffice Writer is here to read our DOCX (and write one another way) in the tests
 * that need another word processor. Skipped with one line outside CI; required in CI.
 */
export function libreOfficeAvailable(): boolean {
  if (!spawnSync("soffice", ["--version"], { timeout: 60_000 }).error) return true;
  if (process.env.CI) throw new Error("CI is set but LibreOffice (soffice) is missing: install libreoffice-writer-nogui.");
  console.warn("soffice not found: LibreOffice tests skipped (apt-get install libreoffice-writer-nogui).");
  return false;
}

/** A Word file as LibreOffice Writer reads it: its content.xml, tracked-change regions and comments. */
export interface LibreOfficeReading {
  content: string;
  /** Each change as its kind tag, author and text (other markup stripped: LibreOffice may put a bookmark inside deleted words). */
  regions: string[];
  /** Each comment's author, date and text, markup stripped. */
  annotations: string[];
}

/** Converts a DOCX to ODT with LibreOffice (its own profile, so runs do not collide) and reads what it kept. */
export function readWithLibreOffice(docx: Uint8Array): LibreOfficeReading {
  const dir = mkdtempSync(join(tmpdir(), "caucus-lo-"));
  try {
    writeFileSync(join(dir, "file.docx"), docx);
    const profile = `-env:UserInstallation=file://${join(dir, "profile")}`;
    const run = spawnSync("soffice", [profile, "--headless", "--convert-to", "odt", "--outdir", dir, join(dir, "file.docx")], { timeout: 120_000 });
    if (run.status !== 0) throw new Error(`LibreOffice could not convert the file: ${String(run.stderr)}`);
    const content = strFromU8(unzipSync(readFileSync(join(dir, "file.odt")))["content.xml"]!);
    const regions = [...content.matchAll(/<text:changed-region[\s\S]*?<\/text:changed-region>/g)].map((m) => m[0].replace(/<(?!text:(?:deletion|insertion)>)[^>]+>/g, ""));
    const annotations = [...content.matchAll(/<office:annotation[ >][\s\S]*?<\/office:annotation>/g)].map((m) => m[0].replace(/<[^>]+>/g, ""));
    return { content, regions, annotations };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
