/** The six UN official languages, by BCP 47 code: what templates accept and covers name. */
export const UN_LANGUAGES: Record<string, string> = { en: "English", fr: "French", es: "Spanish", ar: "Arabic", ru: "Russian", zh: "Chinese" };
