import { data } from "@remix-run/node";
import type { z } from "zod";
import { parseFormData, type FormFailure } from "../core/schemas/form-data";

export type { FieldErrors, FormFailure } from "../core/schemas/form-data";

/**
 * Parses a form with its zod schema. On failure throws nothing: returns the errors so the action
 * can answer 400 with them, having written nothing.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): { ok: true; data: z.output<S> } | FormFailure {
  return parseFormData(formData, schema);
}

/** A 400 answer carrying the failure, for `useActionData`. */
export function invalid(failure: Omit<FormFailure, "ok">, status = 400) {
  return data({ ok: false as const, ...failure }, { status });
}
