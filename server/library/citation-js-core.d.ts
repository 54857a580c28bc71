// @citation-js/core 0.8 ships no types (0.9 does, but needs Node 22: decision 019). What
// citation-js.ts uses of it, as 0.9's own typings describe it.
declare module "@citation-js/core" {
  export const plugins: {
    input: {
      has(format: string): boolean;
      chain(input: unknown, options: { forceType: string; generateGraph: boolean; strict: boolean; maxChainLength: number; target: string }): unknown;
    };
  };
}
