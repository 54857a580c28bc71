import { plugins } from "@citation-js/core";
// The plugins register their formats with @citation-js/core when first imported; ES modules are
// evaluated once, so importing this file anywhere registers them once.
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import type { CslObject } from "./csl-to-source";

/**
 * citation-js, reduced to the two readers Caucus uses. @citation-js/core is CommonJS: Node's ESM
 * loader (tsx, Vitest's externalised deps) exposes its named exports through cjs-module-lexer,
 * and the plugins require() the same copy, so they register where we read. The format is always
 * forced: left to guess, citation-js would fetch a URL it was given (`@else/url`).
 */

const BIBTEX = "@biblatex/text";
const RIS = "@ris/file";

/** citation-js's input options, all of them: its typings ask for every field. */
const options = (forceType: string) => ({ forceType, generateGraph: false, strict: true, maxChainLength: 10, target: "@csl/list+object" });

function requireFormat(format: string): void {
  // Two copies of core (ESM and CommonJS) would leave the plugins registered in the other one.
  if (!plugins.input.has(format)) throw new Error(`citation-js has no ${format} reader: @citation-js/core is loaded twice`);
}

/** The CSL items of BibTeX or BibLaTeX text; throws with citation-js's message when it cannot parse. */
export function readBibtex(text: string): CslObject[] {
  requireFormat(BIBTEX);
  return plugins.input.chain(text, options(BIBTEX)) as unknown as CslObject[];
}

/** The CSL items of RIS text. */
export function readRis(text: string): CslObject[] {
  requireFormat(RIS);
  return plugins.input.chain(text, options(RIS)) as unknown as CslObject[];
}
