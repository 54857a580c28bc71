import type { Message, MessageId } from "../../../core/i18n/message";
import { mechanismName } from "../../../core/un/mechanisms";
import { useT } from "../../i18n/i18n-provider";
import { templateNameIds, type TemplateSummary } from "./template-summary";

/** A limit message whose {confidence} is itself a message id ("verified"), translated first. */
function useLimitText(): (limit: Message) => string {
  const { t, text } = useT();
  return (limit) => {
    const confidence = limit.values?.confidence;
    return typeof confidence === "string" ? text({ id: limit.id, values: { ...limit.values, confidence: t(confidence as MessageId) } }) : text(limit);
  };
}

/**
 * Radio cards grouped by mechanism: what each template is for, its limit and where the limit
 * comes from. A fieldset per mechanism, so a screen reader hears the group before the choices.
 */
export function TemplateGallery({ templates, selected, errors }: { templates: TemplateSummary[]; selected?: string; errors?: Message[] }) {
  const { t, text, locale } = useT();
  const limitText = useLimitText();
  const groups = new Map<string, TemplateSummary[]>();
  for (const template of templates) groups.set(template.mechanism, [...(groups.get(template.mechanism) ?? []), template]);
  return (
    <div className="template-gallery" role="radiogroup" aria-labelledby="template-heading" aria-describedby={errors?.length ? "template-error" : undefined}>
      <h2 id="template-heading">{t("drafts.template.heading")}</h2>
      {errors?.length ? (
        <p className="field-error" id="template-error" role="alert">
          {errors.map(text).join(" ")}
        </p>
      ) : null}
      {[...groups].map(([mechanism, items]) => (
        <fieldset key={mechanism} className="template-group">
          <legend>
            {t("drafts.template.group", { mechanism, name: mechanismName(mechanism, locale) })}
          </legend>
          <div className="cards">
            {items.map((item) => {
              // Titles and descriptions in the reader's language; English ones stay word for word (the e2e suite clicks them).
              const names = templateNameIds(item.slug);
              return (
              <label key={item.slug} className="template-card">
                <input type="radio" name="template" value={item.slug} defaultChecked={item.slug === selected} required />
                <span className="template-title">{names ? t(names.title) : item.title}</span>
                <span className="template-description">{names ? t(names.description) : item.description}</span>
                <span className="template-limit">
                  {limitText(item.limit)}
                  {item.limitSource ? (
                    <>
                      {" · "}
                      <a href={item.limitSource} target="_blank" rel="noreferrer noopener">
                        {t("drafts.template.source")}
                      </a>
                    </>
                  ) : null}
                </span>
              </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
