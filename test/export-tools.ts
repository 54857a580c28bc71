import { spawnSync } from "node:child_process";
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
