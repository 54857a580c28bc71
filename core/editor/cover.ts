import type * as Y from "yjs";

/** The Y.Doc map holding the cover block (docs/design.md §4): edited together like the text. */
export const COVER_FIELD = "cover";

/** What a submission's cover or heading block says; organisations are workspace organisation ids. */
export interface Cover {
  title: string;
  /** A line under the title ("Submission to the Universal Periodic Review, 4th cycle"); what a Word file's cover said beyond the other fields. */
  subtitle: string;
  mechanism: string;
  session: string;
  stateUnderReview: string;
  organisations: string[];
  contact: string;
  date: string;
  language: string;
}

export const EMPTY_COVER: Cover = {
  title: "",
  subtitle: "",
  mechanism: "",
  session: "",
  stateUnderReview: "",
  organisations: [],
  contact: "",
  date: "",
  language: "en",
};

/** Writes a cover into the document's cover map (one transaction, so peers see it whole). */
export function writeCover(doc: Y.Doc, cover: Partial<Cover>): void {
  const map = doc.getMap<unknown>(COVER_FIELD);
  doc.transact(() => {
    for (const [key, value] of Object.entries(cover)) map.set(key, Array.isArray(value) ? [...value] : value);
  });
}

/** Reads the cover map; anything missing or malformed reads as empty, never as a crash. */
export function readCover(doc: Y.Doc): Cover {
  const map = doc.getMap<unknown>(COVER_FIELD);
  const text = (key: keyof Cover) => {
    const value = map.get(key);
    return typeof value === "string" ? value : (EMPTY_COVER[key] as string);
  };
  const organisations = map.get("organisations");
  return {
    title: text("title"),
    subtitle: text("subtitle"),
    mechanism: text("mechanism"),
    session: text("session"),
    stateUnderReview: text("stateUnderReview"),
    organisations: Array.isArray(organisations) ? organisations.filter((id): id is string => typeof id === "string") : [],
    contact: text("contact"),
    date: text("date"),
    language: text("language"),
  };
}
