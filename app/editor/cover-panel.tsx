import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { COVER_FIELD, readCover, writeCover, type Cover } from "../../core/editor/cover";
import { DOCUMENT_LANGUAGES, LANGUAGE_ENDONYMS } from "../../core/i18n/locales";
import type { MessageId } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";

export interface CoverOrganisation {
  id: string;
  name: string;
  acronym: string;
  confidential: boolean;
}

type TextKey = "title" | "subtitle" | "session" | "contact" | "date";

const TEXT_FIELDS: Array<{ key: TextKey; label: MessageId; type?: string }> = [
  { key: "title", label: "drafts.cover.title" },
  { key: "subtitle", label: "drafts.cover.subtitle" },
  { key: "session", label: "drafts.cover.session" },
  { key: "contact", label: "drafts.cover.contact" },
  { key: "date", label: "drafts.cover.date", type: "date" },
];

/** The draft's cover, re-read whenever anyone changes it. */
export function useCover(doc: Y.Doc): Cover {
  const [cover, setCover] = useState<Cover>(() => readCover(doc));
  useEffect(() => {
    const map = doc.getMap(COVER_FIELD);
    const refresh = () => setCover(readCover(doc));
    map.observe(refresh);
    refresh();
    return () => map.unobserve(refresh);
  }, [doc]);
  return cover;
}

/**
 * The cover block, shared like the text: it lives in the draft's Y.Doc (map "cover"), so a
 * change by one member reaches everyone at once and travels with the document into exports.
 * Text fields are written when they lose focus, so a half-typed title does not flicker at others.
 */
export function CoverPanel({ doc, organisations, editable, stateName }: { doc: Y.Doc; organisations: CoverOrganisation[]; editable: boolean; stateName: string }) {
  const cover = useCover(doc);
  const { t } = useT();
  const named = new Set(cover.organisations);
  const title = cover.title || t("drafts.cover.untitled");
  return (
    <details className="cover-panel">
      <summary>
        {cover.session ? t("drafts.cover.summaryWithSession", { title, state: stateName, session: cover.session }) : t("drafts.cover.summary", { title, state: stateName })}
      </summary>
      <div className="cover-grid">
        {TEXT_FIELDS.map((field) => (
          <label key={`${field.key}:${cover[field.key]}`} className="field">
            <span className="field-label">{t(field.label)}</span>
            <input
              className="input"
              type={field.type ?? "text"}
              defaultValue={cover[field.key]}
              readOnly={!editable}
              maxLength={200}
              onBlur={(event) => {
                const value = event.currentTarget.value.trim();
                if (editable && value !== cover[field.key]) writeCover(doc, { [field.key]: value });
              }}
            />
          </label>
        ))}
        <label className="field">
          <span className="field-label">{t("drafts.cover.language")}</span>
          <select
            className="input"
            value={cover.language}
            disabled={!editable}
            onChange={(event) => writeCover(doc, { language: event.currentTarget.value })}
          >
            {/* Each language by its own name, as the new-draft page lists them. */}
            {DOCUMENT_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_ENDONYMS[code]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend className="field-label">{t("drafts.cover.organisations")}</legend>
          {organisations.length === 0 ? <p className="field-description">{t("drafts.cover.noOrganisations")}</p> : null}
          {organisations.map((o) => (
            <label key={o.id} className="field-checkbox">
              <input
                type="checkbox"
                checked={named.has(o.id)}
                disabled={!editable}
                onChange={(event) => {
                  const next = event.currentTarget.checked ? [...cover.organisations, o.id] : cover.organisations.filter((id) => id !== o.id);
                  writeCover(doc, { organisations: next });
                }}
              />
              <span>
                {o.acronym ? t("drafts.cover.organisation", { name: o.name, acronym: o.acronym }) : o.name}
                {o.confidential ? <span className="muted">{t("drafts.cover.confidential")}</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
