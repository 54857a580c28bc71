import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { citationDisplays } from "../../../core/citations/citation-display";
import { LibraryApiError, type LibraryApi } from "../library/library-api";
import type { NoteEditor } from "./note-editor";
import type { FootnoteI18n } from "./footnote-view";

const displaysByDoc = new WeakMap<PMNode, { language: string; displays: Map<string, string[]> }>();

/**
 * How the citations of one note read in the draft's language ("Ibid., par. 55" in French),
 * computed once per version of the page and language (many notes ask).
 */
export function citationTextsOf(doc: PMNode, footnoteId: unknown, language: string): string[] | undefined {
  let cached = displaysByDoc.get(doc);
  if (!cached || cached.language !== language) {
    cached = { language, displays: citationDisplays(doc, language) };
    displaysByDoc.set(doc, cached);
  }
  return cached.displays.get(String(footnoteId));
}

/** A failed library request in the person's words: the server's refusal, or that it did not answer. */
function failureText(error: unknown, { t, text }: FootnoteI18n): string {
  return error instanceof LibraryApiError ? text(error.reason) : t("editor.cite.failed");
}

interface ElementProps {
  className?: string;
  textContent?: string;
  type?: string;
  placeholder?: string;
  title?: string;
  hidden?: boolean;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) (node as unknown as Record<string, unknown>)[key] = value;
  node.append(...children);
  return node;
}

/**
 * Under a note in its popover: "Cite a source" (search the library, give a pinpoint, insert a
 * citation at the note's cursor) and "Save to library" (read the typed note into a source and
 * offer to replace the text by a citation to it). Plain DOM: it lives in the footnote's node view.
 */
export function citationTools(note: NoteEditor, schema: Schema, api: LibraryApi, i18n: FootnoteI18n): HTMLElement {
  const { t } = i18n;
  const status = element("p", { className: "small muted" });
  status.setAttribute("role", "status");
  const search = element("input", { type: "search", className: "input", placeholder: t("editor.cite.search") });
  search.setAttribute("aria-label", t("editor.cite.searchLabel"));
  const pinpoint = element("input", { type: "text", className: "input", placeholder: t("editor.cite.pinpoint") });
  pinpoint.setAttribute("aria-label", t("editor.cite.pinpointLabel"));
  const results = element("ul");
  results.setAttribute("aria-label", t("editor.cite.results"));
  const picker = element("div", { className: "citation-picker", hidden: true }, search, pinpoint, results);

  let controller: AbortController | null = null;
  const find = async () => {
    controller?.abort();
    controller = new AbortController();
    try {
      const sources = await api.sources(search.value, controller.signal);
      results.replaceChildren(
        ...sources.map((source) => {
          const choose = element("button", { type: "button", textContent: source.label, title: source.description });
          choose.addEventListener("mousedown", (event) => event.preventDefault());
          choose.addEventListener("click", () => {
            note.cite(schema.nodes.citation!.create({ sourceId: source.id, label: source.label, pinpoint: pinpoint.value.trim() || (source.defaultPinpoint ?? "") }));
            status.textContent = t("editor.cite.cited", { source: source.label });
            picker.hidden = true;
          });
          return element("li", {}, choose);
        }),
      );
      if (sources.length === 0) status.textContent = t("editor.cite.noMatch");
    } catch (error) {
      if ((error as Error).name !== "AbortError") status.textContent = failureText(error, i18n);
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void find(), 200);
  });

  const cite = element("button", { type: "button", className: "btn btn-secondary btn-sm", textContent: t("editor.cite.cite") });
  cite.addEventListener("click", () => {
    picker.hidden = !picker.hidden;
    if (!picker.hidden) {
      search.focus();
      void find();
    }
  });

  const save = element("button", { type: "button", className: "btn btn-secondary btn-sm", textContent: t("editor.cite.save") });
  // Never rejects: every failure is shown in `status`.
  const saveToLibrary = async () => {
    const text = note.view.state.doc.textContent.trim();
    if (!text) {
      status.textContent = t("editor.cite.typeFirst");
      return;
    }
    try {
      const { source, pinpoint: found } = await api.addSource({ intent: "from-footnote", text });
      status.textContent = t("editor.cite.saved", { source: source.label });
      const replace = element("button", { type: "button", className: "btn btn-link btn-sm", textContent: t("editor.cite.useCitation") });
      replace.addEventListener("click", () => {
        note.replaceContent([schema.nodes.citation!.create({ sourceId: source.id, label: source.label, pinpoint: found ?? "" }), schema.text(".")]);
        status.textContent = t("editor.cite.nowCites", { source: source.label });
      });
      status.append(replace);
    } catch (error) {
      status.textContent = failureText(error, i18n);
    }
  };
  save.addEventListener("click", () => void saveToLibrary());

  return element("div", { className: "note-tools" }, element("div", { className: "note-tool-buttons" }, cite, save), picker, status);
}
