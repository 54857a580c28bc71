import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { NodeCompiler, PdfStandard, type NodeError } from "@myriaddreamin/typst-ts-node-compiler";

/**
 * The Typst compiler of this process: created on the first export (loading the font index takes
 * ~0.2 s) and reused, because every export then shares the parsed template and the fonts.
 *
 * Cache policy: `evictCache(EVICT_MAX_AGE)` after every compile. Each eviction ages Typst's
 * memoized results by one and drops those unused for EVICT_MAX_AGE compiles, so what one
 * document left behind is gone ten exports later, while the template's and fonts' results, hit
 * by every compile, stay warm. Memory therefore stays bounded without a timer.
 */

export const TEMPLATE_PATH = fileURLToPath(new URL("./submission.typ", import.meta.url));
/** The template's folder is the compiler's whole world: Typst can read nothing outside it. */
const WORKSPACE = dirname(TEMPLATE_PATH);
const EVICT_MAX_AGE = 10;

let compiler: NodeCompiler | null = null;

/** `fontDirs` count on the first call only: the font list is read once per process too (render-pdf.ts). */
function typst(fontDirs: readonly string[]): NodeCompiler {
  compiler ??= NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontPaths: [...fontDirs] }] });
  return compiler;
}

export class PdfCompileError extends Error {
  constructor(readonly diagnostics: string[]) {
    super(`Typst could not lay out the PDF: ${diagnostics.join("; ") || "unknown error"}`);
    this.name = "PdfCompileError";
  }
}

interface Diagnostic {
  severity?: string;
  message?: string;
  path?: string;
  range?: string;
}

function describe(error: NodeError | null): string[] {
  return ((error?.shortDiagnostics ?? []) as Diagnostic[]).map((d) => [d.message ?? String(d), d.range ? `(${d.path ?? "template"} ${d.range})` : ""].join(" ").trim());
}

export interface CompileOptions {
  /** Folders of the fonts the template names (from fonts.ts). */
  fontDirs: readonly string[];
  pdfA: boolean;
}

/**
 * Lays out the template with `doc` (JSON text) as sys.inputs.doc and writes a tagged PDF.
 * Throws PdfCompileError on a Typst error, or on a warning that a named font is missing: the
 * caller checked the fonts up front, so such a warning means the check and Typst disagree.
 */
export function compilePdf(doc: string, options: CompileOptions): Uint8Array {
  const typstCompiler = typst(options.fontDirs);
  try {
    const args = { mainFilePath: TEMPLATE_PATH, inputs: { doc } };
    const result = typstCompiler.compile(args);
    const document = result.result;
    const errors = describe(result.takeError());
    const warnings = describe(result.takeWarnings());
    if (!document || errors.length > 0) throw new PdfCompileError(errors);
    const fontWarnings = warnings.filter((w) => /unknown font family/i.test(w));
    if (fontWarnings.length > 0) throw new PdfCompileError(fontWarnings);
    try {
      const pdf = typstCompiler.pdf(document, { pdfTags: true, ...(options.pdfA ? { pdfStandard: PdfStandard.A_2b } : {}) });
      // A copy in an ordinary ArrayBuffer (not the addon's external memory), so a worker can transfer it.
      return new Uint8Array(pdf);
    } catch (error) {
      // The PDF writer reports standard violations (PDF/A) as a thrown NodeError.
      throw new PdfCompileError(describe(error as NodeError).concat(error instanceof Error ? [error.message] : []));
    }
  } finally {
    typstCompiler.evictCache(EVICT_MAX_AGE);
  }
}

/** Drops every memoized result (benchmarks: each run starts cold, as a first export does). */
export function clearCompilerCache(): void {
  compiler?.evictCache(0);
}
