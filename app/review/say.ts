import type { Message } from "../../core/i18n/message";

/** What a server answer or a client failure carries: a message to put into words, or words already (the server's, in the reader's language). */
export type Said = Message | string;

/** `said` in the reader's language: a message through their translator, words as they are. */
export function say(text: (message: Message) => string, said: Said): string {
  return typeof said === "string" ? said : text(said);
}
