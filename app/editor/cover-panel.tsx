import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { COVER_FIELD, readCover, writeCover, type Cover } from "../../core/editor/cover";
import { UN_LANGUAGES } from "../../core/un/languages";

export interface CoverOrganisation {
  id: string;
  name: string;
  acronym: string;
  confidential: boolean;
}

type TextKey = "title" | "subtitle" | "session" | "contact" | "date";

const TEXT_FIELDS: Array<{ key: TextKey; label: string; type?: string }> = [
  { key: "title", label: "Title" },
  { key: "subtitle", label: "Subtitle" },
  { key: "session", label: "Session or cycle" },
  { key: "contact", label: "Contact" },
  { key: "date", label: "Date", type: "date" },
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
  const named = new Set(cover.organisations);
  return (
    <details className="cover-panel">
      <summary>
        Cover: {cover.title || "untitled"} · {stateName}
        {cover.session ? ` · ${cover.session}` : ""}
      </summary>
      <div className="cover-grid">
        {TEXT_FIELDS.map((field) => (
          <label key={`${field.key}:${cover[field.key]}`} className="field">
            <span className="field-label">{field.label}</span>
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
          <span className="field-label">Language of the submission</span>
          <select
            className="input"
            value={cover.language}
            disabled={!editable}
            onChange={(event) => writeCover(doc, { language: event.currentTarget.value })}
          >
            {Object.entries(UN_LANGUAGES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend className="field-label">Submitting organisations</legend>
          {organisations.length === 0 ? <p className="field-description">No organisations in this workspace yet.</p> : null}
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
                {o.name}
                {o.acronym ? ` (${o.acronym})` : ""}
                {o.confidential ? <span className="muted"> — confidential</span> : null}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
