import { createRequire } from "node:module";
import type * as CitationCore from "@citation-js/core";
import type { CslObject } from "./csl-to-source";

const require = createRequire(import.meta.url);
type Plugins = typeof CitationCore.plugins;
let loaded: Plugins | undefined;

/**
 * citation-js on the first BibTeX or RIS file, not at boot (it and its plugins are dozens of
 * modules a server may never need; bench/memory.ts). Core and both plugins come through one
 * require(), so the plugins register their formats in the copy we read from.
 */
function citationPlugins(): Plugins {
  if (!loaded) {
    const core = require("@citation-js/core") as typeof CitationCore;
    require("@citation-js/plugin-bibtex");
    require("@citation-js/plugin-ris");
    loaded = core.plugins;
  }
  return loaded;
}

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

function requireFormat(format: string): Plugins {
  const plugins = citationPlugins();
  // Two copies of core (ESM and CommonJS) would leave the plugins registered in the other one.
  if (!plugins.input.has(format)) throw new Error(`citation-js has no ${format} reader: @citation-js/core is loaded twice`);
  return plugins;
}

/** The CSL items of BibTeX or BibLaTeX text; throws with citation-js's message when it cannot parse. */
export function readBibtex(text: string): CslObject[] {
  return requireFormat(BIBTEX).input.chain(text, options(BIBTEX)) as unknown as CslObject[];
}

/** The CSL items of RIS text. */
export function readRis(text: string): CslObject[] {
  return requireFormat(RIS).input.chain(text, options(RIS)) as unknown as CslObject[];
}
