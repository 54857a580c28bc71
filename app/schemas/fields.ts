import { z } from "zod";

/** Shared field rules; the same schema parses the form in the action and shapes the page. */
export const EmailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email({ error: "Enter an email address like name@example.org." }));

export const NameField = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Use at most 120 characters.");

/** Unchecked checkboxes are absent from form data; checked ones say "on". */
export const CheckboxField = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/** An optional id from a <select> whose empty option means "none". */
export const OptionalIdField = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.uuid({ error: "Choose one of the listed options." }).nullable(),
);

export const IdField = z.uuid({ error: "That item no longer exists. Reload the page." });
