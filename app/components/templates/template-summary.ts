import { message, type Message } from "../../../core/i18n/message";
import { mechanismName } from "../../../core/un/mechanisms";
import type { Template } from "../../../templates";

/** What the gallery shows of a template: plain data, safe to send to the browser. */
export interface TemplateSummary {
  slug: string;
  title: string;
  mechanism: string;
  mechanismName: string;
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
    mechanismName: mechanismName(template.mechanism),
    description: template.description,
    languages: [...template.languages],
    limit: describeLimit(template),
    limitSource: template.rules.wordLimit?.source ?? null,
    limitConfidence: template.rules.wordLimit?.confidence ?? null,
  };
}
