import type { TemplateSummary } from "./template-summary";

/**
 * Radio cards grouped by mechanism: what each template is for, its limit and where the limit
 * comes from. A fieldset per mechanism, so a screen reader hears the group before the choices.
 */
export function TemplateGallery({ templates, selected, errors }: { templates: TemplateSummary[]; selected?: string; errors?: string[] }) {
  const groups = new Map<string, TemplateSummary[]>();
  for (const template of templates) groups.set(template.mechanism, [...(groups.get(template.mechanism) ?? []), template]);
  return (
    <div className="template-gallery" role="radiogroup" aria-labelledby="template-heading" aria-describedby={errors?.length ? "template-error" : undefined}>
      <h2 id="template-heading">What are you writing?</h2>
      {errors?.length ? (
        <p className="field-error" id="template-error" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      {[...groups].map(([mechanism, items]) => (
        <fieldset key={mechanism} className="template-group">
          <legend>
            {mechanism} — {items[0]!.mechanismName}
          </legend>
          <div className="cards">
            {items.map((t) => (
              <label key={t.slug} className="template-card">
                <input type="radio" name="template" value={t.slug} defaultChecked={t.slug === selected} required />
                <span className="template-title">{t.title}</span>
                <span className="template-description">{t.description}</span>
                <span className="template-limit">
                  {t.limit}
                  {t.limitSource ? (
                    <>
                      {" · "}
                      <a href={t.limitSource} target="_blank" rel="noreferrer noopener">
                        source
                      </a>
                    </>
                  ) : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
