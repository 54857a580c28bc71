import { Extension } from "@tiptap/core";

/** Text directions a block can take; `auto` lets the browser decide from the first strong character. */
export const DIRECTIONS = ["ltr", "rtl", "auto"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Languages written right to left among those coalitions draft in (UN languages and more). */
const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur", "ps", "ku", "dv", "yi"]);

/** The direction a BCP 47 language tag is written in: `ar`, `ar-EG` → rtl; anything else → ltr. */
export function directionOf(lang: string | null | undefined): "ltr" | "rtl" {
  const primary = (lang ?? "").toLowerCase().split("-")[0] ?? "";
  return RTL_LANGUAGES.has(primary) ? "rtl" : "ltr";
}

const LANG_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** A well-formed BCP 47 tag or nothing: the attribute ends up in exported XML and HTML. */
export function cleanLang(value: unknown): string | null {
  return typeof value === "string" && LANG_TAG.test(value) ? value : null;
}

/** The language subtag of a tag, lower-case ("en-GB" → "en"), or "" for none: how covers and templates name languages. */
export function primaryLanguage(tag: string | null | undefined): string {
  return (tag ?? "").split("-")[0]!.trim().toLowerCase();
}

/**
 * `lang` and `dir` on every block that holds text, so one Arabic paragraph in an English
 * submission reads right to left (and is spell-checked and exported as Arabic) while the
 * numbering around it stays in order. The document's own language lives in the cover map.
 */
export const BlockLanguage = Extension.create({
  name: "blockLanguage",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph", "heading", "blockquote", "listItem", "tableCell", "tableHeader"],
        attributes: {
          lang: {
            default: null,
            parseHTML: (element) => cleanLang(element.getAttribute("lang")),
            renderHTML: (attrs) => (attrs.lang ? { lang: attrs.lang } : {}),
          },
          dir: {
            default: null,
            parseHTML: (element) => {
              const dir = element.getAttribute("dir");
              return DIRECTIONS.includes(dir as Direction) ? dir : null;
            },
            renderHTML: (attrs) => (attrs.dir ? { dir: attrs.dir } : {}),
          },
        },
      },
    ];
  },
});
