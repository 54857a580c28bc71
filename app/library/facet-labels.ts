import { NO_RESPONSE, type Facet } from "../../core/library/search-query";
import { isStateCode, stateName } from "../../core/un/states";

/** A facet value as people read it: "China" for CHN, "SDG 16", "Cycle 2", "No response". */
export function facetValueLabel(facet: Facet, value: string): string {
  switch (facet) {
    case "stateUnderReview":
      return isStateCode(value) ? stateName(value) : value;
    case "sdg":
      return `SDG ${value}`;
    case "cycle":
      return `Cycle ${value}`;
    case "response":
      return value === NO_RESPONSE ? "No response" : value.charAt(0).toUpperCase() + value.slice(1);
    default:
      return value;
  }
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * "2013-12-04" → "4 December 2013", as UN documents write dates. Formatted by hand, not with
 * Intl, so the server's and the browser's locales cannot render it differently.
 */
export function formatLibraryDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}
