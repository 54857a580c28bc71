import type { Node as PMNode } from "@tiptap/pm/model";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { citedRecommendationNumbers, type RecommendationTexts } from "../../../core/checks/recommendation-rules";
import type { LibraryApi } from "./library-api";
import { useSettledDocKey } from "./use-settled-doc-key";

const LOOKUP_DELAY_MS = 800;
/** One number in several cycles' reports; more than a handful would be a library to clean up. */
const TEXTS_PER_NUMBER = 10;

/**
 * Looks up, in the library, the UPR recommendation numbers the draft cites ("186.60") for its
 * State, each number once per page: number → the texts of the recommendations with that number
 * (several cycles may reuse one), none when not found. A failed lookup (offline) stays unknown,
 * so it is never reported as missing.
 */
export function useRecommendationLookups(editor: Editor, api: LibraryApi, stateUnderReview: string): RecommendationTexts {
  const numbers = useSettledDocKey(editor, citedNumbersKey, LOOKUP_DELAY_MS);
  const [known, setKnown] = useState<RecommendationTexts>(new Map());
  const [asked] = useState(() => new Set<string>());
  useEffect(() => {
    let live = true;
    const lookUp = async () => {
      for (const number of numbers ? numbers.split(",") : []) {
        if (asked.has(`${stateUnderReview}:${number}`)) continue;
        asked.add(`${stateUnderReview}:${number}`);
        try {
          const result = await api.search(new URLSearchParams({ q: number, stateUnderReview, body: "UPR", limit: String(TEXTS_PER_NUMBER) }));
          // An answer that arrives after the page moved on is asked again next time.
          if (live) setKnown((previous) => new Map(previous).set(number, result.results.map((r) => r.text)));
          else asked.delete(`${stateUnderReview}:${number}`);
        } catch {
          asked.delete(`${stateUnderReview}:${number}`);
        }
      }
    };
    void lookUp();
    return () => {
      live = false;
    };
  }, [api, stateUnderReview, numbers, asked]);
  return known;
}

const citedNumbersKey = (doc: PMNode) => [...new Set(citedRecommendationNumbers(doc).map((c) => c.number))].sort().join(",");

/** The library sources the draft's citations point at, sorted and joined: the key to re-ask by. */
function citedSourceIdsKey(doc: PMNode): string {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === "citation" && node.attrs.sourceId) ids.add(String(node.attrs.sourceId));
    return true;
  });
  return [...ids].sort().join(",");
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The cited sources the library answered it no longer holds, re-asked when the set of cited ids
 * changes. Only an answer makes a source missing: a source cited a moment ago (from the picker,
 * which just read it from the library) is not in the last answer and so is not reported while
 * its lookup waits for edits to settle. Offline, the last answer stands.
 */
export function useMissingSources(editor: Editor, api: LibraryApi): ReadonlySet<string> {
  const ids = useSettledDocKey(editor, citedSourceIdsKey, LOOKUP_DELAY_MS);
  const [missing, setMissing] = useState<ReadonlySet<string>>(NONE);
  useEffect(() => {
    const cited = ids ? ids.split(",") : [];
    if (cited.length === 0) {
      setMissing(NONE);
      return;
    }
    let live = true;
    api
      .knownSources(cited)
      .then((found) => live && setMissing(new Set(cited.filter((id) => !found.has(id)))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, ids]);
  return missing;
}
