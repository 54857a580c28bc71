import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { organisationCounts, sectionCounts } from "../../core/budgets/counts";
import { compareShares, type ShareStanding } from "../../core/budgets/shares";
import { countWordsByClient } from "../../core/checks/attribution";
import { countSectionWords } from "../../core/checks/section-words";
import { countDocumentWords } from "../../core/checks/word-count";
import type { BudgetsView } from "../routes/workspaces.$workspaceId.drafts.$draftId_.budgets";
import type { BudgetsStore } from "./use-budgets";

/**
 * At most one count per this many ms while anyone types (a throttle, not a debounce, as the
 * Checks tab's: the shares keep up during a long stretch of typing). One count walks the whole
 * Y.Doc: 11 ms (p50, 25 ms p95) on a 73,000-word draft with five authors (bench/checks/attribution.ts).
 */
const RECOUNT_MS = 300;

export interface LiveShares {
  sections: ShareStanding[];
  organisations: ShareStanding[];
  /** Section id → its heading as the draft reads now (for the labels). */
  headings: Map<string, string>;
  /** Words by clients the server has not named yet; 0 when everything is credited. */
  pending: number;
  /**
   * "live": counted from this browser's Y.Doc on every change; "stored": the server's count of
   * the saved draft (no shared document to count from here), as of the view's readAt.
   */
  source: "live" | "stored";
}

/** The Y.Doc the editor is bound to, from the Collaboration extension's options. */
function sharedDoc(editor: Editor): Y.Doc | null {
  const collaboration = editor.extensionManager.extensions.find((extension) => extension.name === "collaboration");
  return ((collaboration?.options as { document?: Y.Doc } | undefined)?.document ?? null) as Y.Doc | null;
}

/**
 * Each share against its words, counted in this browser as anyone types: sections from the
 * editor's document (core/checks/section-words), organisations from who wrote each word in the
 * shared Y.Doc (core/checks/attribution) and which organisation each Yjs client writes for (the
 * server's map in the view; this browser's own client is its person's organisation at once).
 * Words by a client the map lacks (someone who joined since it was read) are `pending` and the
 * server is asked again. Counts nothing while no budget is set.
 */
export function computeShares(editor: Editor, view: BudgetsView): LiveShares {
  const counted = countDocumentWords(editor.state.doc, view.counts).counted;
  const sections = countSectionWords(editor.state.doc, view.counts);
  const headings = new Map(sections.flatMap((s) => (s.section !== null && s.heading ? [[s.section, s.heading] as const] : [])));
  const hasOrganisationBudgets = view.budgets.some((b) => b.kind === "organisation");
  const doc = hasOrganisationBudgets ? sharedDoc(editor) : null;
  let organisations: Map<string, number>;
  let pending = 0;
  let source: LiveShares["source"] = "live";
  if (doc) {
    const live = organisationCounts(countWordsByClient(doc, view.counts), view.clients, { clientId: doc.clientID, key: view.yourOrganisation });
    organisations = live.counts;
    pending = live.pending;
  } else {
    organisations = new Map(Object.entries(view.stored.organisations));
    source = hasOrganisationBudgets ? "stored" : "live";
  }
  return {
    sections: compareShares("section", view.budgets, sectionCounts(sections), counted, view.limit),
    organisations: compareShares("organisation", view.budgets, organisations, source === "live" ? counted : view.stored.counted, view.limit),
    headings,
    pending,
    source,
  };
}

/** computeShares for a component, taken again at most every RECOUNT_MS while anyone edits. */
export function useLiveShares(editor: Editor, view: BudgetsView | null, store: BudgetsStore | null): LiveShares | null {
  const [shares, setShares] = useState<LiveShares | null>(null);
  useEffect(() => {
    if (!view || view.budgets.length === 0) {
      setShares(null);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seenDoc: unknown = null;
    const run = () => {
      if (editor.isDestroyed) return;
      const next = computeShares(editor, view);
      setShares(next);
      if (next.pending > 0) store?.refreshForPending();
    };
    const onTransaction = () => {
      // Remote changes arrive as transactions too; a caret move changes nothing counted.
      if (editor.state.doc === seenDoc || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        seenDoc = editor.state.doc;
        run();
      }, RECOUNT_MS);
    };
    seenDoc = editor.state.doc;
    run();
    editor.on("transaction", onTransaction);
    return () => {
      clearTimeout(timer);
      editor.off("transaction", onTransaction);
    };
  }, [editor, view, store]);
  return shares;
}
