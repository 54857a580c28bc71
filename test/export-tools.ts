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
