import type { Editor } from "@tiptap/react";
import type { CountingRule } from "../../../core/checks/word-count";
import { useT } from "../../i18n/i18n-provider";
import { useWordsIfAccepted } from "./words-if-accepted";

/** The Checks tab's line for the words with every open suggestion accepted, against the limit. */
export function WordsIfAccepted({ editor, rule, limit }: { editor: Editor; rule: CountingRule; limit: number | null }) {
  const { t } = useT();
  const counted = useWordsIfAccepted(editor, rule);
  if (counted === null) return null;
  return (
    <p className="small">
      {limit !== null && counted > limit ? t("checks.panel.ifAcceptedOver", { counted, over: counted - limit }) : t("checks.panel.ifAccepted", { counted })}
    </p>
  );
}
