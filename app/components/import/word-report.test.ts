import { describe, expect, it } from "vitest";
import { message } from "../../../core/i18n/message";
import { createTranslator } from "../../../core/i18n/translator";
import { UI_CATALOGUES } from "../../../locales/ui/all";
import { describeImport, importSentence } from "./word-report";

const report = {
  numberedParagraphs: 3,
  manuallyNumberedParagraphs: 3,
  footnotes: 3,
  endnotesConverted: 1,
  headings: 1,
  tables: 0,
  lists: 0,
  listsRestyled: 0,
  imagesDropped: 1,
  textBoxesDropped: 2,
  fieldsDropped: 0,
  trackedChanges: 3,
  trackedChangesAccepted: 0,
  trackedChangesLeftOut: 0,
  formattingChanges: 0,
  coverLines: 4,
  commentsDropped: 0,
};
const outcome = {
  report,
  comments: { threads: 1, comments: 1, yours: 0, resolved: 0, placedNearby: 0 },
  coverFromFile: [message("import.word.cover.title"), message("import.word.cover.organisations", { count: 2 })],
  maxComments: 2000,
  suggestions: { kept: 3, yours: 1, authors: [{ name: "Amina", count: 2 }, { name: "Kofi", count: 1 }], otherAuthors: 0 },
  maxSuggestions: 5000,
};

const sentences = (language: "en" | "fr" | "ar") => {
  const t = createTranslator(language, UI_CATALOGUES[language], { fallback: UI_CATALOGUES.en });
  return describeImport(outcome).map((sentence) => importSentence(t, sentence));
};

describe("the Word import report", () => {
  it("says what became of tracked changes: accepted past the limit, left out, formatting", () => {
    const t = createTranslator("en", UI_CATALOGUES.en);
    const said = describeImport({
      ...outcome,
      report: { ...report, trackedChangesAccepted: 7, trackedChangesLeftOut: 2, formattingChanges: 4 },
      suggestions: { kept: 12, yours: 0, authors: [{ name: "Amina", count: 12 }], otherAuthors: 3 },
    }).map((sentence) => importSentence(t, sentence));
    expect(said.filter((s) => /tracked|suggestion/.test(s))).toEqual([
      "12 tracked changes became suggestions to accept or reject in the draft, each under its Word author's name: Amina (12), 3 other authors.",
      "7 tracked changes were accepted as Word would accept them: Caucus keeps at most 5,000 suggestions per file, and a paragraph break inserted before a table stays.",
      "2 tracked changes in the cover block, or with no place in the text, were left out; the text is as it was before them.",
      "4 tracked formatting changes were accepted: the text keeps its new formatting, as suggestions carry wording only.",
    ]);
  });

  it("reads as it did in English", () => {
    expect(sentences("en")).toEqual([
      "3 numbered paragraphs, 4 footnotes, 1 heading imported.",
      "The file's cover block (4 lines) became the draft's cover: title, 2 organisations taken from it.",
      "3 paragraphs had their numbers typed as text; Caucus numbers them now.",
      "1 endnote became a footnote (Caucus has one kind of note).",
      "Dropped: 1 image, 2 text boxes (submissions are text; OHCHR asks for no images).",
      "3 tracked changes became suggestions to accept or reject in the draft, each under its Word author's name: Amina (2), Kofi (1); 1 under your name is linked to your account.",
      "1 Word comment became 1 comment thread. Each keeps its Word author's name.",
    ]);
  });

  it("says its counts in French and Arabic, with each language's plurals and comma", () => {
    expect(sentences("fr")[0]).toBe("Importé : 3 paragraphes numérotés, 4 notes de bas de page, 1 titre.");
    expect(sentences("fr")[6]).toBe("1 commentaire Word est devenu 1 fil de commentaires. Chacun garde le nom de son auteur dans Word.");
    expect(sentences("fr")[5]).toBe(
      "3 modifications suivies sont devenues des suggestions à accepter ou refuser dans le projet, chacune sous le nom de son auteur dans Word : Amina (2), Kofi (1); 1 à votre nom est liée à votre compte."
    );
    expect(sentences("ar")[5]).toContain("أصبحت 3 تغييرات متعقَّبة اقتراحات");
    expect(sentences("ar")[5]).toContain("Amina (2)، Kofi (1)");
    expect(sentences("ar")[0]).toBe("استُورد: 3 فقرات مرقمة، 4 حواشٍ، عنوان واحد.");
    expect(sentences("ar")[4]).toBe("حُذف: صورة واحدة، مربعا نص (الورقات نصوص؛ ولا تقبل المفوضية السامية لحقوق الإنسان الصور).");
  });
});
