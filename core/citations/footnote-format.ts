import { normalisePinpoint } from "./pinpoint";

/** One source a footnote cites, with its pinpoint. */
export interface CitedSource {
  /** Identifies the source (a library id, or a normalised UN symbol): equal keys are the same source. */
  key: string;
  /** The source as a citation reads: "A/HRC/25/5", "Amnesty International, Annual Report 2024". */
  label: string;
  pinpoint?: string;
}

function cite(source: CitedSource): string {
  const pinpoint = source.pinpoint ? normalisePinpoint(source.pinpoint).text : "";
  return pinpoint ? `${source.label}, ${pinpoint}` : source.label;
}

/**
 * The text of each footnote in order, UN style (docs/domain.md §4): "A/HRC/25/5, para. 186.60." and,
 * when a note cites exactly the one source the note before it cited alone, "Ibid." or "Ibid.,
 * para. 55.". Computed from the whole sequence every time, never stored, so it stays right when
 * notes are added, deleted or moved.
 */
export function formatFootnotes(notes: CitedSource[][]): string[] {
  return notes.map((sources, index) => {
    const previous = index > 0 ? notes[index - 1]! : [];
    if (sources.length === 0) return "";
    const only = sources.length === 1 ? sources[0]! : null;
    if (only && previous.length === 1 && previous[0]!.key === only.key) {
      const here = only.pinpoint ? normalisePinpoint(only.pinpoint).text : "";
      const there = previous[0]!.pinpoint ? normalisePinpoint(previous[0]!.pinpoint).text : "";
      return here && here !== there ? `Ibid., ${here}.` : "Ibid.";
    }
    return `${sources.map(cite).join("; ")}.`;
  });
}
