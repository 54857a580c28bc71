import type { Translator } from "../../core/i18n/translator";
import type { SessionUser } from "../../server/auth/service";
import { uiTranslator } from "../../locales/ui/all";
import type { FormFailure } from "../forms.server";
import { readPreferences } from "../i18n/preferences.server";

/**
 * The translator of the person making a request, for resource routes that answer JSON to a
 * page (comments, status, export, submit, reopen): a refusal reads in the language that person
 * reads the page in, as the page chose it (account, then browser cookie, then Accept-Language).
 */
export function requestTranslator(request: Request, user: SessionUser | null): Translator {
  const { locale, numerals } = readPreferences(request, user);
  return uiTranslator(locale, numerals);
}

/** A form's failure (messages) as one sentence in the person's language, for a JSON answer. */
export function failureText(tr: Translator, failure: FormFailure): string {
  const messages = failure.formError ? [failure.formError] : Object.values(failure.fieldErrors).flatMap((errors) => errors ?? []);
  return messages.map((m) => tr.text(m)).join(" ");
}
