import { message, type Message, type MessageId } from "../../../core/i18n/message";
import englishNames from "../../../locales/ui/en/templateNames.json";
import type { Template } from "../../../templates";

/** What the gallery shows of a template: plain data, safe to send to the browser. */
export interface TemplateSummary {
  slug: string;
  title: string;
  /** The mechanism's code; the gallery names it in the reader's language (core/un/mechanisms.ts). */
  mechanism: string;
  description: string;
  languages: string[];
  /** The word limit as a message, put into words in the reader's language by the gallery. */
  limit: Message;
  limitSource: string | null;
  limitConfidence: string | null;
}

/** "5,630 words, footnotes included (unverified)" or "No published word limit", as a message. */
export function describeLimit(template: Template): Message {
  const limit = template.rules.wordLimit;
  if (!limit) return message("drafts.template.noLimit");
  const confidence = {
    V: "drafts.template.confidence.V",
    P: "drafts.template.confidence.P",
    U: "drafts.template.confidence.U",
  } as const;
  // The confidence's own words are a second message: the gallery translates it and passes it in.
  return message(template.rules.counts.footnotes ? "drafts.template.limitWithFootnotes" : "drafts.template.limitWithoutFootnotes", {
    words: limit.words,
    confidence: confidence[limit.confidence],
  });
}

export function summariseTemplate(template: Template): TemplateSummary {
  return {
    slug: template.slug,
    title: template.title,
    mechanism: template.mechanism,
    description: template.description,
    languages: [...template.languages],
    limit: describeLimit(template),
    limitSource: template.rules.wordLimit?.source ?? null,
    limitConfidence: template.rules.wordLimit?.confidence ?? null,
  };
}

/**
 * The catalogue ids of a template's title and description in the interface's languages
 * (locales/ui/<lang>/templateNames.json, "templateNames.upr-joint.title"); null for a slug the
 * catalogue does not know, whose English title is then shown as written.
 */
export function templateNameIds(slug: string): { title: MessageId; description: MessageId } | null {
  const title = `templateNames.${slug}.title`;
  if (!(title in englishNames)) return null;
  return { title: title as MessageId, description: `templateNames.${slug}.description` as MessageId };
}

/** English title → its catalogue id: for the editor, which receives a template's English title but not its slug. */
const TITLE_IDS = new Map(
  Object.entries(englishNames)
    .filter(([id]) => id.endsWith(".title"))
    .map(([id, title]) => [title, id as MessageId])
);

/** A template's title in the reader's language, found by its English title (as templates/localise.ts finds section texts); unknown titles as written. */
export function localTemplateTitle(t: (id: MessageId) => string, englishTitle: string): string {
  const id = TITLE_IDS.get(englishTitle);
  return id ? t(id) : englishTitle;
}
