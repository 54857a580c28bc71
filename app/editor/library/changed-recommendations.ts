import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import type { RecommendationAttributes } from "../../../core/editor/nodes/recommendation";
import type { RecommendationRecord } from "../../../core/library/records";
import { changedFields, type LibraryApi } from "./library-api";
import { useSettledDocKey } from "./use-settled-doc-key";
import type { Translator } from "../../../core/i18n/translator";
import { IMPORT_FIELD_MESSAGES, type ImportFieldKey } from "../../../core/library/import-fields";
import { useT } from "../../i18n/i18n-provider";

/** A recommendation block whose library record changed after it was inserted. */
export interface ChangedRecommendation {
  pos: number;
  frozen: RecommendationAttributes;
  current: RecommendationRecord;
  fields: string[];
}

const key = new PluginKey<Map<string, RecommendationRecord>>("changedRecommendations");
const CHECK_DELAY_MS = 1000;

/** The library ids of the draft's recommendation blocks, sorted and joined: the key to re-ask by. */
function libraryIdsKey(doc: PMNode): string {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === "recommendation" && node.attrs.libraryId) ids.add(String(node.attrs.libraryId));
    return node.isBlock && !node.isTextblock;
  });
  return [...ids].sort().join(",");
}

/** Blocks whose frozen copy differs from the library's record, in document order. */
export function changedRecommendations(doc: PMNode, records: ReadonlyMap<string, RecommendationRecord>): ChangedRecommendation[] {
  const changed: ChangedRecommendation[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== "recommendation") return node.isBlock && !node.isTextblock;
    const current = node.attrs.libraryId ? records.get(String(node.attrs.libraryId)) : undefined;
    const frozen = node.attrs as RecommendationAttributes;
    const fields = current ? changedFields(frozen, current) : [];
    if (current && fields.length) changed.push({ pos, frozen, current, fields });
    return false;
  });
  return changed;
}

/** "text and response": the block's fields that changed, by our own names for them. */
export function changedFieldNames({ t, list }: Pick<Translator, "t" | "list">, fields: readonly string[]): string {
  return list(fields.map((field) => (field in IMPORT_FIELD_MESSAGES ? t(IMPORT_FIELD_MESSAGES[field as ImportFieldKey]) : field)));
}

const changedPlugin = (describe: (fields: readonly string[]) => string) =>
  new Plugin<Map<string, RecommendationRecord>>({
    key,
    state: {
      init: () => new Map(),
      apply: (tr, records) => tr.getMeta(key) ?? records,
    },
    props: {
      decorations(state) {
        const records = key.getState(state);
        if (!records?.size) return null;
        return DecorationSet.create(
          state.doc,
          changedRecommendations(state.doc, records).map((c) =>
            Decoration.node(c.pos, c.pos + state.doc.nodeAt(c.pos)!.nodeSize, { class: "recommendation-changed", title: describe(c.fields) })
          )
        );
      },
    },
  });

/**
 * Keeps the draft's recommendation blocks compared with the library: whenever the set of
 * library ids in the draft changes (and once on open), it fetches their records; blocks whose
 * frozen copy differs are marked in the page and listed for the Library tab to offer an update.
 * The draft itself is never changed without the writer asking.
 */
export function useChangedRecommendations(editor: Editor | null, api: LibraryApi): ChangedRecommendation[] {
  const [records, setRecords] = useState<Map<string, RecommendationRecord>>(new Map());
  const ids = useSettledDocKey(editor, libraryIdsKey, CHECK_DELAY_MS);
  const [changed, setChanged] = useState<ChangedRecommendation[]>([]);
  const i18n = useT();

  useEffect(() => {
    if (!editor) return;
    editor.registerPlugin(changedPlugin((fields) => i18n.t("library.changed.title", { fields: changedFieldNames(i18n, fields) })));
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(key);
    };
  }, [editor, i18n]);

  useEffect(() => {
    if (!ids) return;
    let live = true;
    api
      .records(ids.split(","))
      .then((list) => live && setRecords(new Map(list.map((r) => [r.id, r]))))
      .catch(() => {
        // Offline or the library unreachable: the blocks keep their frozen copies, unmarked.
      });
    return () => {
      live = false;
    };
  }, [api, ids]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(key, records).setMeta("addToHistory", false));
    const refresh = () => setChanged(records.size ? changedRecommendations(editor.state.doc, records) : []);
    refresh();
    editor.on("update", refresh);
    return () => {
      editor.off("update", refresh);
    };
  }, [editor, records]);

  return changed;
}
