/**
 * Facet counts of a whole library (no query, no filter) are what the panel shows first and the
 * costliest to count (every row), so they are kept per workspace for a short while. This node's
 * writes clear them at once; another node's writes show within TTL_MS.
 */
const TTL_MS = 15_000;
const MAX_ENTRIES = 1000;
const entries = new Map<string, { at: number; value: unknown }>();

export const browseFacets = {
  get(workspaceId: string): unknown {
    const hit = entries.get(workspaceId);
    return hit && Date.now() - hit.at < TTL_MS ? hit.value : undefined;
  },
  set(workspaceId: string, value: unknown): void {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(workspaceId, { at: Date.now(), value });
  },
};

/** Forget cached whole-library counts after a write (the library's write paths call this). */
export function forgetLibraryFacetCounts(): void {
  entries.clear();
}
