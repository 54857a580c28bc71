/** The treaty bodies' own series (docs/domain.md §3b); CESCR's is "E/C.12", under ECOSOC. */
export const TREATY_SERIES = ["CCPR", "CAT", "CEDAW", "CRC", "CERD", "CRPD", "CMW", "CED"] as const;
export type TreatySeries = (typeof TREATY_SERIES)[number];

export const isTreatySeries = (series: string): series is TreatySeries => (TREATY_SERIES as readonly string[]).includes(series);

/**
 * Series Caucus knows: the principal organs, the Secretariat, the treaty bodies and a few special
 * series the library guide names (docs/domain.md §3a). Others get a question, not an error: the UN
 * creates new series.
 */
export const KNOWN_SERIES = new Set<string>(["A", "S", "E", "E/C.12", "T", "ST", "HRI", "DP", "TD", "UNEP", "HRC", ...TREATY_SERIES]);
