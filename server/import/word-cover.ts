import * as Y from "yjs";
import { primaryLanguage, writeCover } from "../../core/editor";
import { comparable } from "../../core/text/comparable";
import { stateCodeForName } from "../../core/un/states";
import { message, type Message, type MessageId } from "../../core/i18n/message";
import { DraftSchema, type DraftInput } from "../../core/schemas/draft";
import { parseFormData, type FormFailure } from "../../core/schemas/form-data";
import type { Template } from "../../templates";
import { coverOf } from "../drafts/new-draft";
import type { WordDraft } from "./word-draft";

/** A new draft's cover, and which of its fields came from the Word file rather than the form. */
export interface WordCover {
  input: DraftInput;
  /** The cover's date (the form has no date field): the file's, when its cover block gives one. */
  date: string;
  /** The cover's subtitle (nor has it a subtitle field): the file's other cover lines, and organisations it names that this workspace does not have. */
  subtitle: string;
  /** The cover fields taken from the file, by our names for them (messages, for the report). */
  fromFile: Message[];
}

type Organisation = { id: string; name: string; acronym: string | null };

/**
 * The cover of a draft imported from Word: each field the person filled in the form wins; a field
 * left empty takes what the file's cover block says (its title, "State under review: Ghana", the
 * session, the contact, the submitting organisations known to this workspace by name or acronym);
 * the title falls back to the file's name. Then the new-draft form's own rules apply, so an import
 * is refused for exactly what a new draft would be.
 */
export function resolveWordCover(
  form: FormData,
  fileName: string,
  built: Pick<WordDraft, "cover" | "language">,
  template: Template,
  organisations: readonly Organisation[]
): { ok: true; cover: WordCover } | FormFailure {
  const fields = new FormData();
  for (const [name, value] of form) if (name !== "file" && name !== "intent") fields.append(name, value);
  const detected = built.cover;
  const fromFile: Message[] = [];
  const unknownOrganisations: string[] = [];
  const fill = (name: string, value: string | undefined, label: MessageId) => {
    if (String(form.get(name) ?? "").trim() || !value) return;
    fields.set(name, value);
    fromFile.push(message(label));
  };
  fill("title", detected?.title, "import.word.cover.title");
  if (!String(fields.get("title") ?? "").trim())
    fields.set(
      "title",
      fileName
        .replace(/\.docx$/i, "")
        .replace(/_+/g, " ")
        .trim()
    );
  fill("stateUnderReview", detected ? stateCodeForName(detected.stateUnderReview) : undefined, "import.word.cover.stateUnderReview");
  fill("session", detected?.session, "import.word.cover.session");
  fill("contact", detected?.contact, "import.word.cover.contact");
  if (!form.getAll("organisations").length && detected?.organisations.length) {
    // A cover line names an organisation as the export prints it ("Name (ACR)"), or by name or acronym alone.
    const names = (o: Organisation) => [o.name, o.acronym, o.acronym ? `${o.name} (${o.acronym})` : null].filter((n): n is string => Boolean(n)).map(comparable);
    const named = new Set(detected.organisations.map(comparable));
    const known = organisations.filter((o) => names(o).some((n) => named.has(n)));
    for (const o of known) fields.append("organisations", o.id);
    if (known.length) fromFile.push(message("import.word.cover.organisations", { count: known.length }));
    const knownNames = new Set(known.flatMap(names));
    unknownOrganisations.push(...detected.organisations.filter((name) => !knownNames.has(comparable(name))));
  }
  // The cover form has no place for an organisation the workspace lacks: it is kept in the subtitle, as the file printed it.
  const subtitle = [detected?.subtitle ?? "", unknownOrganisations.length ? `By ${unknownOrganisations.join(", ")}` : ""].filter(Boolean).join(" · ");
  if (subtitle) fromFile.push(message("import.word.cover.subtitle"));
  if (!form.get("language")) {
    // "As the file says": the file's language when the template takes it, else the template's first.
    const written = primaryLanguage(built.language);
    fields.set("language", (template.languages as readonly string[]).includes(written) ? written : template.languages[0]!);
  }
  const date = detected?.date ?? "";
  if (date) fromFile.push(message("import.word.cover.date"));
  const parsed = parseFormData(fields, DraftSchema);
  return parsed.ok ? { ok: true, cover: { input: parsed.data, date, subtitle, fromFile } } : parsed;
}

/** The built body's state with the cover written in, as one update: the draft's first state. */
export function withCover(state: Uint8Array, { input, date, subtitle }: WordCover, template: Template): Uint8Array {
  const cover = new Y.Doc();
  try {
    writeCover(cover, { ...coverOf(input), date: date.slice(0, 100), subtitle: subtitle.slice(0, 1000), mechanism: template.mechanism });
    return Y.mergeUpdates([state, Y.encodeStateAsUpdate(cover)]);
  } finally {
    cover.destroy();
  }
}
