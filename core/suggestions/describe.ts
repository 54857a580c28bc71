import type { Schema } from "@tiptap/pm/model";
import { message, type Message } from "../i18n/message";
import type { SuggestionView } from "./contract";
import { sliceFromJson, sliceText } from "./slices";

const EXCERPT = 80;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

/** The change in words, as the card says it: "Replace 'should' with 'must'". */
export function describeSuggestion(schema: Schema, suggestion: Pick<SuggestionView, "deleted" | "insert">): Message {
  const deleted = excerpt(suggestion.deleted.replace(/\s+/g, " ").trim());
  const inserted = excerpt(sliceText(sliceFromJson(schema, suggestion.insert)));
  if (suggestion.insert && suggestion.deleted) return message("editor.suggesting.describe.replace", { deleted, inserted });
  if (suggestion.insert) return message("editor.suggesting.describe.insert", { inserted });
  return message("editor.suggesting.describe.delete", { deleted });
}
