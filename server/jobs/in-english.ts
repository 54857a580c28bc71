import type { Message } from "../../core/i18n/message";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";

const english = createTranslator("en", UI_CATALOGUES.en);

/**
 * A message in English, for an Error's own `message`: what logs and the command line read.
 * The person reads the error's `reason` (a Message) in their own language instead.
 */
export function inEnglish(reason: Message): string {
  return english.text(reason);
}
