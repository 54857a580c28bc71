import { UN_STATES, isStateCode, stateName } from "./states";

/**
 * Other names the databases and spreadsheets use for UN States: ISO 3166 forms ("Korea,
 * Republic of"), older UN names ("Swaziland", "Czech Republic"), everyday names ("Vietnam",
 * "Russia"). A name in parentheses on the UN list ("Bolivia (Plurinational State of)") is also
 * accepted without it, so those are not repeated here.
 */
const ALIASES: Record<string, readonly string[]> = {
  BHS: ["The Bahamas", "Bahamas, The"],
  BOL: ["Bolivia, Plurinational State of", "Plurinational State of Bolivia"],
  BRN: ["Brunei"],
  CHN: ["People's Republic of China", "China, People's Republic of", "PRC"],
  CIV: ["Ivory Coast"],
  COD: ["Democratic Republic of Congo", "DR Congo", "DRC", "Congo, Democratic Republic of the", "Congo (Democratic Republic of the)", "Congo-Kinshasa"],
  COG: ["Republic of the Congo", "Republic of Congo", "Congo, Republic of the", "Congo (Republic of the)", "Congo-Brazzaville"],
  CPV: ["Cape Verde"],
  CZE: ["Czech Republic"],
  FSM: ["Micronesia, Federated States of"],
  GBR: ["United Kingdom", "UK", "Great Britain", "Britain"],
  GMB: ["The Gambia", "Gambia, The", "Gambia (Republic of The)"],
  IRN: ["Iran, Islamic Republic of"],
  KGZ: ["Kyrgyz Republic"],
  KOR: ["South Korea", "Korea, Republic of", "Korea (Republic of)"],
  LAO: ["Laos", "Lao PDR"],
  LBY: ["Libyan Arab Jamahiriya"],
  MDA: ["Moldova", "Moldova, Republic of"],
  MKD: ["Macedonia", "The former Yugoslav Republic of Macedonia", "Republic of North Macedonia"],
  MMR: ["Burma"],
  NLD: ["The Netherlands"],
  PRK: ["North Korea", "DPRK", "Korea, Democratic People's Republic of", "Korea (Democratic People's Republic of)"],
  PSE: ["Palestine", "Palestine, State of"],
  RUS: ["Russia"],
  SVK: ["Slovak Republic"],
  SWZ: ["Swaziland", "Kingdom of Eswatini"],
  SYR: ["Syria"],
  TLS: ["East Timor"],
  TUR: ["Turkey"],
  TZA: ["Tanzania", "Tanzania, United Republic of"],
  USA: ["United States", "US", "U.S.", "U.S.A."],
  VAT: ["Vatican", "Vatican City", "Holy See (Vatican City State)"],
  VEN: ["Venezuela, Bolivarian Republic of"],
  VNM: ["Vietnam"],
  ARE: ["UAE"],
};

/** "Côte D’Ivoire", "Cote d'Ivoire" and "COTE D IVOIRE" meet at "cote d ivoire". */
function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "")
    .replace(/\bst\b/g, "saint");
}

const BY_NAME = new Map<string, string>();
for (const { code, name } of UN_STATES) {
  BY_NAME.set(nameKey(name), code);
  const bare = name.split(" (")[0]!;
  if (bare !== name) BY_NAME.set(nameKey(bare), code);
}
for (const [code, names] of Object.entries(ALIASES)) {
  for (const name of names) BY_NAME.set(nameKey(name), code);
}

// An import names the same few States on every row; normalising each name once is enough.
const found = new Map<string, string | null>();

/** The ISO 3166-1 alpha-3 code of a UN State named or coded in a spreadsheet, or null. */
export function findStateCode(nameOrCode: string): string | null {
  let code = found.get(nameOrCode);
  if (code !== undefined) return code;
  const trimmed = nameOrCode.trim();
  code = /^[A-Za-z]{3}$/.test(trimmed) && isStateCode(trimmed.toUpperCase()) ? trimmed.toUpperCase() : (BY_NAME.get(nameKey(trimmed)) ?? null);
  if (found.size > 10_000) found.clear();
  found.set(nameOrCode, code);
  return code;
}

/** The UN short name for a State written any known way; anything else comes back as given. */
export function canonicalStateName(name: string): string {
  const code = findStateCode(name);
  return code ? stateName(code) : name.trim();
}
