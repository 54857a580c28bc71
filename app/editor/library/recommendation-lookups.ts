import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { citedRecommendationNumbers } from "../../../core/checks/recommendation-rules";
import type { LibraryApi } from "./library-api";

const LOOKUP_DELAY_MS = 800;

/**
 * Looks up, in the library, the UPR recommendation numbers the draft cites ("186.60") for its
 * State, each number once per page: number → found. A failed lookup (offline) stays unknown, so
 * it is never reported as missing.
 */
export function useRecommendationLookups(editor: Editor, api: LibraryApi, stateUnderReview: string): ReadonlyMap<string, boolean> {
  const [known, setKnown] = useState<ReadonlyMap<string, boolean>>(new Map());
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const asked = new Set<string>();
    const lookUp = async () => {
      const numbers = [...new Set(citedRecommendationNumbers(editor.state.doc).map((c) => c.number))].filter((n) => !asked.has(n));
      for (const number of numbers) {
        asked.add(number);
        try {
          const result = await api.search(new URLSearchParams({ q: number, stateUnderReview, body: "UPR", limit: "1" }));
          if (live) setKnown((previous) => new Map(previous).set(number, result.total > 0));
        } catch {
          asked.delete(number);
        }
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lookUp(), LOOKUP_DELAY_MS);
    };
    schedule();
    editor.on("update", schedule);
    return () => {
      live = false;
      clearTimeout(timer);
      editor.off("update", schedule);
    };
  }, [editor, api, stateUnderReview]);
  return known;
}

function citedSourceIds(doc: Editor["state"]["doc"]): string[] {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === "citation" && node.attrs.sourceId) ids.add(String(node.attrs.sourceId));
    return true;
  });
  return [...ids].sort();
}

/**
 * The cited sources still in the library, re-asked when the set of cited ids changes; undefined
 * until the first answer (and offline), so nothing is reported as deleted on a guess.
 */
export function useKnownSources(editor: Editor, api: LibraryApi): ReadonlySet<string> | undefined {
  const [ids, setIds] = useState("");
  const [known, setKnown] = useState<ReadonlySet<string> | undefined>(undefined);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setIds(citedSourceIds(editor.state.doc).join(",")), LOOKUP_DELAY_MS);
    };
    schedule();
    editor.on("update", schedule);
    return () => {
      clearTimeout(timer);
      editor.off("update", schedule);
    };
  }, [editor]);
  useEffect(() => {
    let live = true;
    api
      .knownSources(ids ? ids.split(",") : [])
      .then((found) => live && setKnown(found))
      .catch(() => live && setKnown(undefined));
    return () => {
      live = false;
    };
  }, [api, ids]);
  return known;
}
