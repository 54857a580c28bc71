import { useEffect, useState } from "react";
import type { LibraryApi } from "./library-api";

/**
 * How many recommendations the library the coalition reads holds on one State: null while
 * unknown (or when the question failed: the panel then behaves as before). The Library tab
 * starts filtered to the draft's State only when this is above zero; a coalition whose State
 * the library does not cover yet would otherwise see "0 recommendations" for every search.
 */
export function useStateCoverage(api: LibraryApi, stateUnderReview: string): number | null {
  const [coverage, setCoverage] = useState<number | null>(null);
  useEffect(() => {
    if (!stateUnderReview) return;
    const controller = new AbortController();
    api
      .search(new URLSearchParams({ q: "", limit: "1", stateUnderReview }), controller.signal)
      .then((result) => setCoverage(result.total))
      .catch(() => setCoverage(null));
    return () => controller.abort();
  }, [api, stateUnderReview]);
  return coverage;
}
