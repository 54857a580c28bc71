import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { useEffect, useState, type ReactNode } from "react";
import type { Finding } from "../../core/checks/finding";
import { preflight, type PreflightReport } from "../../core/checks/preflight";
import { countSectionWords } from "../../core/checks/section-words";
import { isStateCode, stateName } from "../../core/un/states";
import type { LibraryApi } from "./library/library-api";
import { useMissingSources, useRecommendationLookups } from "./library/recommendation-lookups";
import type { Cover } from "../../core/editor/cover";
import type { CoverOrganisation } from "./cover-panel";
import type { DraftTemplate } from "./draft-template";
import { OrganisationWords } from "./organisation-words";
import { BudgetChecks } from "../budgets/budget-checks";
import { WordsIfAccepted } from "./suggestions/words-if-accepted-line";
import { FormattedMessage } from "react-intl";
import { useT } from "../i18n/i18n-provider";
import { goTo } from "./go-to";
import { findingsSummary, SEVERITIES } from "./checks-summary";

const RECHECK_MS = 250;

/** Where the cursor goes for a finding: its text, or the marker of the note it is in. */
function jump(editor: Editor, finding: Finding): void {
  const location = finding.location;
  if (!location) return;
  const { doc } = editor.state;
  let markerPos: number | null = null;
  if (location.footnoteId) {
    doc.descendants((node, pos) => {
      if (markerPos === null && node.type.name === "footnote" && String(node.attrs.id) === location.footnoteId) markerPos = pos;
      return markerPos === null;
    });
  }
  const selection =
    markerPos !== null ? NodeSelection.create(doc, markerPos) : TextSelection.create(doc, Math.min(location.from, doc.content.size), Math.min(location.to, doc.content.size));
  goTo(editor, selection);
}

/** A fix is an ordinary edit: it goes through Yjs to everyone and Ctrl+Z takes it back. */
function applyFix(editor: Editor, finding: Finding): void {
  const fix = finding.fix;
  if (!fix) return;
  editor.view.dispatch(editor.state.tr.insertText(fix.text, fix.from, fix.to));
}

/**
 * The Checks tab: the word count against the template's limit, then every finding by severity,
 * re-run shortly after anyone's edit; click one to go there, apply a safe fix in one click.
 */
export function ChecksPanel({
  editor,
  template,
  cover,
  organisations,
  library,
  stateUnderReview,
}: {
  editor: Editor;
  template: DraftTemplate;
  cover: Cover;
  organisations: CoverOrganisation[];
  library: LibraryApi;
  stateUnderReview: string;
}) {
  const t = useT();
  // The State as the reader's language names it, for the findings' "not a recommendation made to {state}".
  const { locale } = t;
  const [report, setReport] = useState<PreflightReport | null>(null);
  const known = useRecommendationLookups(editor, library, stateUnderReview);
  const missingSourceIds = useMissingSources(editor, library);
  useEffect(() => {
    const run = () =>
      setReport(
        preflight({ doc: editor.state.doc, cover, template, organisations, knownRecommendations: known, missingSourceIds, stateName: isStateCode(stateUnderReview) ? stateName(stateUnderReview, locale) : undefined }),
      );
    run();
    // At most one check per RECHECK_MS while anyone types (a throttle, not a debounce, so the panel
    // keeps up during a long stretch of typing); the checks re-read only what changed.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, RECHECK_MS);
    };
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off("update", onUpdate);
    };
  }, [editor, template, cover, organisations, known, missingSourceIds, stateUnderReview, locale]);

  if (!report) return null;
  const { words, limit, findings } = report;
  const counted = { counted: words.counted, footnotes: template.counts.footnotes ? "yes" : "no", b: (chunks: ReactNode[]) => <strong>{chunks}</strong> };
  return (
    <div className="checks-panel">
      <p className="checks-count" aria-live="polite">
        {limit === null ? (
          <FormattedMessage id="checks.panel.wordsNoLimit" values={counted} />
        ) : words.counted > limit ? (
          <FormattedMessage id="checks.panel.wordsOver" values={{ ...counted, limit, over: words.counted - limit }} />
        ) : (
          <FormattedMessage id="checks.panel.wordsSpare" values={{ ...counted, limit, spare: limit - words.counted }} />
        )}
      </p>
      <WordsIfAccepted editor={editor} rule={template.counts} limit={limit} />
      <details className="small">
        <summary>{t.t("checks.panel.bySection")}</summary>
        <ul className="checks-sections">
          {countSectionWords(editor.state.doc, template.counts).map((section) => (
            <li key={section.section ?? "before"}>
              <span>{section.heading || t.t("checks.panel.beforeFirstSection")}</span> <span className="muted">{t.number(section.words)}</span>
            </li>
          ))}
        </ul>
      </details>
      {/* Joint submissions only: one organisation's own submission has nobody to compare with. */}
      {template.kind === "upr-joint" || cover.organisations.length > 1 ? <OrganisationWords /> : null}
      {/* Word budgets (issue 21): each share against its words, live; owners set them here. */}
      {limit !== null ? <BudgetChecks editor={editor} /> : null}
      <p className="small muted">{findingsSummary(findings, t)}</p>
      {SEVERITIES.map((severity) => {
        const list = findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        const title = t.t(`checks.group.${severity}`);
        return (
          <section key={severity} aria-label={title}>
            <h3 className={`checks-group checks-${severity}`}>{title}</h3>
            <ul className="checks-list">
              {list.map((finding, i) => (
                <li key={`${finding.rule}-${finding.location?.from ?? i}-${i}`} data-rule={finding.rule}>
                  <p className="small">{t.text(finding.message)}</p>
                  <div className="checks-actions">
                    {finding.location ? (
                      <button type="button" className="btn btn-secondary btn-sm" onClick={() => jump(editor, finding)}>
                        {t.t("checks.panel.goTo")}
                      </button>
                    ) : null}
                    {finding.fix && editor.isEditable ? (
                      <button type="button" className="btn btn-secondary btn-sm" onClick={() => applyFix(editor, finding)}>
                        {t.text(finding.fix.label)}
                      </button>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
