import { printedText, type PrintedText } from "../un/printed";
import { normalisePinpoint, printedPinpoint } from "./pinpoint";

/** One source a footnote cites, with its pinpoint. */
export interface CitedSource {
  /** Identifies the source (a library id, or a normalised UN symbol): equal keys are the same source. */
  key: string;
  /** The source as a citation reads: "A/HRC/25/5", "Amnesty International, Annual Report 2024". */
  label: string;
  pinpoint?: string;
}

function cite(source: CitedSource, printed: PrintedText): string {
  const pinpoint = source.pinpoint ? printedPinpoint(source.pinpoint, printed.language) : "";
  return pinpoint ? printed.t("document.citationAt", { source: source.label, pinpoint }) : source.label;
}

/** "Ibid." keeps its own full stop; "Там же" and "同上" take the language's ("Там же.", "同上。"). */
function endIbid(text: string, printed: PrintedText): string {
  return /[.。]$/.test(text) ? text : printed.t("document.noteEnd", { text });
}

/**
 * The text of each footnote in order, UN style (docs/domain.md §4): "A/HRC/25/5, para. 186.60." and,
 * when a note cites exactly the one source the note before it cited alone, "Ibid." or "Ibid.,
 * para. 55.". Computed from the whole sequence every time, never stored, so it stays right when
 * notes are added, deleted or moved. In the draft's `language`: "Ibid., par. 55." in French,
 * "同上，第55段。" in Chinese.
 */
export function formatFootnotes(notes: CitedSource[][], language = "en"): string[] {
  const printed = printedText(language);
  return notes.map((sources, index) => {
    const previous = index > 0 ? notes[index - 1]! : [];
    if (sources.length === 0) return "";
    const only = sources.length === 1 ? sources[0]! : null;
    if (only && previous.length === 1 && previous[0]!.key === only.key) {
      const here = only.pinpoint ? normalisePinpoint(only.pinpoint).text : "";
      const there = previous[0]!.pinpoint ? normalisePinpoint(previous[0]!.pinpoint).text : "";
      return endIbid(here && here !== there ? printed.t("document.ibidAt", { pinpoint: printedPinpoint(here, language) }) : printed.t("document.ibid"), printed);
    }
    // Several sources in one note are separated by semicolons (the Arabic and the Chinese one in those languages).
    const joined = sources.map((source) => cite(source, printed)).join(printed.language === "ar" ? "؛ " : printed.language === "zh" ? "；" : "; ");
    return printed.t("document.noteEnd", { text: joined });
  });
}
