import type { Translator } from "../../core/i18n/translator";
import { NO_RESPONSE, type Facet } from "../../core/library/search-query";
import { isStateCode, stateName } from "../../core/un/states";

/**
 * A facet value as people read it: "China" for CHN, "SDG 16", "Cycle 2", "No response". Bodies,
 * themes and responses other than our own two are the data's words and stay as written.
 */
export function facetValueLabel({ t, locale }: Pick<Translator, "t" | "locale">, facet: Facet, value: string): string {
  switch (facet) {
    case "stateUnderReview":
      return isStateCode(value) ? stateName(value, locale) : value;
    case "sdg":
      return t("library.value.sdg", { goal: value });
    case "cycle":
      return t("library.value.cycle", { cycle: value });
    case "response":
      return responseLabel({ t }, value);
    default:
      return value;
  }
}

/** "supported" and "noted" are Caucus's normalised words (docs/domain.md §5e.3); other responses are as the file wrote them. */
export function responseLabel({ t }: Pick<Translator, "t">, value: string): string {
  if (value === NO_RESPONSE) return t("library.value.noResponse");
  if (value === "supported") return t("library.value.supported");
  if (value === "noted") return t("library.value.noted");
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/**
 * "2013-12-04" → "4 December 2013" in the person's language. The day is read as UTC and written
 * in UTC, so the server's and the browser's time zones cannot move it a day.
 */
export function formatLibraryDate({ date }: Pick<Translator, "date">, iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(day.getTime()) ? iso : date(day, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
