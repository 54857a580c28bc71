import { z } from "zod";
import type { MessageId } from "../../core/i18n/message";

/**
 * A length bound whose message carries the number as an ICU argument (`{max, plural, …}`):
 * zod's own .max() hands a message no values, so the number would have to be written into
 * each language's words by hand.
 */
export function atMost(max: number, id: MessageId = "workspace.field.tooLong") {
  return (value: string, ctx: z.RefinementCtx) => {
    if (value.length > max) ctx.addIssue({ code: "custom", message: id, params: { max } });
  };
}

export function atLeast(min: number, id: MessageId = "workspace.field.tooShort") {
  return (value: string, ctx: z.RefinementCtx) => {
    if (value.length < min) ctx.addIssue({ code: "custom", message: id, params: { min } });
  };
}

/** Shared field rules; the same schema parses the form in the action and shapes the page. */
export const EmailField = z
  .string({ error: "auth.email.required" })
  .trim()
  .toLowerCase()
  .superRefine(atMost(254, "auth.email.tooLong"))
  .pipe(z.email({ error: "auth.email.invalid" }));

export const NameField = z
  .string({ error: "workspace.field.nameRequired" })
  .trim()
  .min(1, "workspace.field.nameRequired")
  .superRefine(atMost(120));

/** Unchecked checkboxes are absent from form data; checked ones say "on". */
export const CheckboxField = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/** An optional id from a <select> whose empty option means "none". */
export const OptionalIdField = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.uuid({ error: "workspace.field.chooseListed" }).nullable(),
);

export const IdField = z.uuid({ error: "workspace.field.itemGone" });
