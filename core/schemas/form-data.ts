import type { z } from "zod";
import type { Message, MessageId, MessageValues } from "../i18n/message";

/**
 * Errors as messages, not words (issue 19): a schema writes a catalogue id as its zod message
 * (`z.string().min(1, "auth.email.required")`), and a custom issue may add ICU values as its
 * `params`; the page puts them into the reader's language.
 */
export type FieldErrors = Record<string, Message[] | undefined>;

/** A form refused: field errors to show beside each field, and a message for the form as a whole. */
export interface FormFailure {
  ok: false;
  intent?: string;
  fieldErrors: FieldErrors;
  formError?: Message;
}

/**
 * Parses a form with its zod schema. On failure throws nothing: returns the errors, so the caller
 * can answer 400 with them, having written nothing. Used by the routes (app/forms.server.ts) and
 * by server code that validates form fields it is handed (a Word import's cover).
 */
export function parseFormData<S extends z.ZodType>(formData: FormData, schema: S): { ok: true; data: z.output<S> } | FormFailure {
  // A key sent more than once (checkboxes of one name) becomes an array; schemas say which they expect.
  const entries: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key);
    entries[key] = values.length === 1 ? values[0]! : values;
  }
  const result = schema.safeParse(entries);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  let formError: Message | undefined;
  for (const issue of result.error.issues) {
    const field = issue.path.join(".");
    const params = (issue as { params?: MessageValues }).params;
    const message: Message = params ? { id: issue.message as MessageId, values: params } : { id: issue.message as MessageId };
    if (!field) {
      formError ??= message;
      continue;
    }
    (fieldErrors[field] ??= []).push(message);
  }
  return { ok: false, intent: typeof entries.intent === "string" ? entries.intent : undefined, fieldErrors, formError };
}
