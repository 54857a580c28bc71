import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ExportCover } from "../../../core/export/export-cover";
import type { Block, ExportDocument, Inline } from "../../../core/export/export-model";

/**
 * The fonts a PDF export is set in, found among the system's font files. Typst would quietly fall
 * back to any other font (Japanese glyph forms for Chinese text, or boxes), so a document whose
 * script has no font here is refused up front with the Debian package that provides one.
 */

export const SYSTEM_FONT_DIR = "/usr/share/fonts";

export type Script = "latin" | "han" | "arabic";

interface FontChoice {
  family: string;
  /** The regular face's file name as the Debian package installs it. */
  file: RegExp;
}

interface ScriptFonts {
  /** What the error calls the text that needs the font. */
  name: string;
  debianPackage: string;
  /** In order of preference; the first one installed is used. */
  choices: FontChoice[];
}

export const SCRIPT_FONTS: Record<Script, ScriptFonts> = {
  // Metric-compatible with Times New Roman, which the UN's own documents are set in.
  latin: { name: "Latin, Cyrillic and Greek", debianPackage: "fonts-liberation2", choices: [{ family: "Liberation Serif", file: /^LiberationSerif-Regular\.ttf$/ }] },
  // Pinned to the SC face of the CJK collection: Han characters take Simplified Chinese forms.
  han: { name: "Chinese", debianPackage: "fonts-noto-cjk", choices: [{ family: "Noto Serif CJK SC", file: /^NotoSerifCJK(?:sc)?-Regular\.(?:ttc|otf)$/i }] },
  arabic: {
    name: "Arabic",
    debianPackage: "fonts-noto-core",
    choices: [
      { family: "Noto Naskh Arabic", file: /^NotoNaskhArabic-Regular\.ttf$/ },
      { family: "Noto Sans Arabic", file: /^NotoSansArabic-Regular\.ttf$/ },
    ],
  },
};

export class MissingFontError extends Error {
  constructor(
    readonly script: Script,
    readonly family: string,
    readonly debianPackage: string,
  ) {
    super(`The PDF cannot be made: its ${SCRIPT_FONTS[script].name} text needs the font "${family}", which is not installed on the server (Debian package ${debianPackage}).`);
    this.name = "MissingFontError";
  }
}

/** Every font file under `root` (recursively), as absolute paths; a missing root lists nothing. */
export function listFontFiles(root: string = SYSTEM_FONT_DIR): string[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:ttf|otf|ttc|otc)$/i.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

export interface ResolvedFonts {
  /** Family names in fallback order for Typst's text(font: …): Latin first, so digits and punctuation stay Latin. */
  families: string[];
  /** The directories holding those families' files, for the compiler's font paths. */
  dirs: string[];
}

/** The installed choice for each script, or the error naming the package to install. */
export function resolveFonts(files: readonly string[], needed: ReadonlySet<Script>): ResolvedFonts {
  const families: string[] = [];
  const dirs = new Set<string>();
  for (const script of ["latin", "arabic", "han"] as const) {
    const fonts = SCRIPT_FONTS[script];
    const found = fonts.choices.map((choice) => ({ choice, path: files.find((file) => choice.file.test(file.slice(file.lastIndexOf("/") + 1))) })).find((c) => c.path);
    if (found?.path) {
      families.push(found.choice.family);
      dirs.add(dirname(found.path));
    } else if (needed.has(script)) {
      throw new MissingFontError(script, fonts.choices[0]!.family, fonts.debianPackage);
    }
  }
  return { families, dirs: [...dirs] };
}

const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;

/** Which of the scripts we pin fonts for the document, its cover and its printed labels ("目录") contain (Latin always). */
export function scriptsIn(model: ExportDocument, cover: ExportCover, labels: readonly string[] = []): Set<Script> {
  const scripts = new Set<Script>(["latin"]);
  const see = (text: string) => {
    if (HAN.test(text)) scripts.add("han");
    if (ARABIC.test(text)) scripts.add("arabic");
  };
  const runs = (content: readonly Inline[]) => {
    for (const run of content) if (run.kind === "text") see(run.text);
  };
  const blocks = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.kind === "heading" || block.kind === "paragraph") runs(block.content);
      else if (block.kind === "list") block.items.forEach(blocks);
      else if (block.kind === "quote") blocks(block.blocks);
      else if (block.kind === "table") for (const row of block.rows) for (const cell of row.cells) blocks(cell.blocks);
      else if (block.kind === "recommendation") {
        runs(block.quote);
        see(block.provenance);
      }
    }
  };
  blocks(model.blocks);
  for (const note of model.footnotes) runs(note.content);
  [cover.title, cover.subtitle ?? "", cover.mechanism, cover.session, cover.stateUnderReview, cover.contact, cover.date, ...cover.organisations, ...labels].forEach(see);
  return scripts;
}
