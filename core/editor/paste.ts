/**
 * Turns the footnotes of HTML pasted from Word (and from Google Docs' "download as web page")
 * into Caucus footnotes. Both write a note as a link from the reference to the note's text at the
 * end of the page and a link back; this replaces each reference with the note's own content in
 * a `span[data-footnote]`, which the footnote node parses, and drops the notes section. Styles,
 * scripts and images need no work here: the schema has no place for them, so parsing drops them.
 * Takes a DOMParser so the module stays free of the DOM at import time.
 */
export function inlinePastedFootnotes(html: string, parser: DOMParser): string {
  if (!/#_?(ftn|edn|ftnt)/i.test(html)) return html;
  const page = parser.parseFromString(html, "text/html");
  const references = [...page.querySelectorAll<HTMLAnchorElement>("a[href^='#']")];
  let changed = false;
  for (const reference of references) {
    const target = reference.getAttribute("href")!.slice(1);
    const ownName = reference.getAttribute("name") ?? reference.id;
    if (!target || !ownName) continue;
    const noteAnchor = page.querySelector<HTMLElement>(`a[name="${CSS.escape(target)}"], a#${CSS.escape(target)}`);
    // A note links back to its reference; a plain in-page link does not.
    if (!noteAnchor || noteAnchor.getAttribute("href") !== `#${ownName}`) continue;
    const container =
      noteAnchor.closest<HTMLElement>("div[style*='mso-element:footnote'], div[style*='mso-element:endnote'], div[id^='ftn'], div[id^='edn']") ??
      noteAnchor.closest<HTMLElement>("p") ??
      noteAnchor.parentElement;
    if (!container) continue;
    noteAnchor.remove();
    const note = page.createElement("span");
    note.setAttribute("data-footnote", "");
    // Paragraphs of a long note become line breaks: a footnote is one run of text.
    const paragraphs = [...container.querySelectorAll("p")];
    const parts = paragraphs.length > 0 ? paragraphs.map((p) => p.innerHTML) : [container.innerHTML];
    note.innerHTML = parts.map((part) => part.replace(/^(\s|&nbsp;)+/, "")).join("<br>");
    (reference.closest("sup") ?? reference).replaceWith(note);
    container.remove();
    changed = true;
  }
  if (!changed) return html;
  page.querySelectorAll("div[style*='mso-element:footnote-list'], div[style*='mso-element:endnote-list']").forEach((list) => list.remove());
  return page.body.innerHTML;
}
