import type { UiMessages } from "../../locales/ui/en";

/**
 * A message of the interface by its id in the catalogues (locales/ui/<language>/*.json). Only
 * ids of the English catalogue type-check, so a typo or a message missing from the catalogue
 * fails `npm run typecheck`; test/i18n/catalogues.test.ts fails on one missing in another language.
 */
export type MessageId = keyof UiMessages & string;

/** Values for a message's ICU arguments: `{count, plural, …}`, `{name}`, `{date, date, long}`. */
export type MessageValues = Record<string, string | number | Date>;

/**
 * A message not yet put into words: what core/ and server/ hand to whoever shows it, so the
 * same finding or refusal reads in the language of each person (and of `npm run check -- --lang`).
 */
export interface Message {
  id: MessageId;
  values?: MessageValues;
}

export function message(id: MessageId, values?: MessageValues): Message {
  return values ? { id, values } : { id };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string";
}

// react-intl's <FormattedMessage id> and formatMessage({ id }) take only catalogue ids too.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
