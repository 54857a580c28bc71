import type { Node as PMNode } from "@tiptap/pm/model";
import { printedText } from "../un/printed";
import { normalisePinpoint, printedPinpoint } from "./pinpoint";

/** One citation node in a footnote, as the ibid. rule sees it. */
interface NoteCitation {
  /** The library source, or the frozen label when the source has left the library. */
  key: string;
  label: string;
  pinpoint: string;
}

interface NoteReading {
  citations: NoteCitation[];
  /** Nothing in the note but one citation and punctuation: it may be shortened to "Ibid.". */
  citationOnly: boolean;
}

/** The pinpoint in English UN style: what two notes are compared by, whatever language prints them. */
const pinpointText = (pinpoint: string) => (pinpoint.trim() ? normalisePinpoint(pinpoint).text : "");

function readNote(note: PMNode): NoteReading {
  const citations: NoteCitation[] = [];
  let otherText = "";
  note.forEach((child) => {
    if (child.type.name === "citation") {
      const attrs = child.attrs as { sourceId: string | null; label: string; pinpoint: string };
      citations.push({ key: attrs.sourceId ?? `label:${attrs.label}`, label: attrs.label, pinpoint: attrs.pinpoint ?? "" });
    } else if (child.isText) {
      otherText += child.text ?? "";
    }
  });
  return { citations, citationOnly: citations.length === 1 && /^[\s.;,]*$/.test(otherText) };
}

/**
 * What each citation in the draft's footnotes reads as, UN style (docs/domain.md §4): "A/HRC/25/5,
 * para. 186.60", or "Ibid." / "Ibid., para. 55" when the note holds nothing but that one
 * citation and the note before it cites exactly that one source (§4c: never after a note citing
 * several). Computed from the notes' order every time and never stored, so it stays right when
 * notes are added, deleted or moved. Keyed by footnote id; one text per citation, in order.
 * `language` is the draft's: "Ibid., par. 55" in French, "المرجع نفسه، الفقرة 55" in Arabic.
 */
export function citationDisplays(doc: PMNode, language = "en"): Map<string, string[]> {
  const displays = new Map<string, string[]>();
  const printed = printedText(language);
  const at = (source: string, pinpoint: string) => (pinpoint ? printed.t("document.citationAt", { source, pinpoint: printedPinpoint(pinpoint, language) }) : source);
  let previous: NoteReading | null = null;
  doc.descendants((node) => {
    if (node.type.name !== "footnote") return true;
    const reading = readNote(node);
    const texts = reading.citations.map((citation) => at(citation.label, pinpointText(citation.pinpoint)));
    const only = reading.citationOnly ? reading.citations[0]! : null;
    const before = previous?.citations.length === 1 ? previous.citations[0]! : null;
    if (only && before && before.key === only.key) {
      const here = pinpointText(only.pinpoint);
      texts[0] = here && here !== pinpointText(before.pinpoint) ? printed.t("document.ibidAt", { pinpoint: printedPinpoint(here, language) }) : printed.t("document.ibid");
    }
    if (node.attrs.id) displays.set(String(node.attrs.id), texts);
    previous = reading;
    return false;
  });
  return displays;
}
