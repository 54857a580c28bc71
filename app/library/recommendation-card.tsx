import { useId, type ReactNode } from "react";
import { recommendationProvenance } from "../../core/library/recommendation-attributes";
import type { RecommendationRecord } from "../../core/library/records";
import { isStateCode, stateName } from "../../core/un/states";
import { Badge } from "../components/ui";
import { cx } from "../components/ui/cx";
import { useT } from "../i18n/i18n-provider";
import { formatLibraryDate } from "./facet-labels";

/** The fields a card shows: a whole RecommendationRecord fits, so does a search endpoint's slimmer row. */
export type RecommendationCardRecord = Pick<
  RecommendationRecord,
  "id" | "workspaceId" | "body" | "stateUnderReview" | "recommendingStates" | "symbol" | "paragraph" | "text" | "response" | "themes" | "publicationDate"
>;

export interface RecommendationCardProps {
  record: RecommendationCardRecord;
  /** Buttons or forms for the card's footer: "Delete" on the library page, "Insert" in the editor. */
  actions?: ReactNode;
  /** Level of the provenance heading; 3 by default (cards sit under a page's h2). */
  headingLevel?: 2 | 3 | 4;
  /** Clamps the text to a few lines, for a narrow side panel. */
  compact?: boolean;
  className?: string;
}

/** "Recommendation 186.60 (Ghana), A/HRC/25/5, supported": the same line a draft's block shows. */
export function recommendationCardTitle(record: RecommendationCardRecord): string {
  return recommendationProvenance({
    body: record.body,
    paragraph: record.paragraph,
    recommendingStates: record.recommendingStates.join(", "),
    symbol: record.symbol,
    response: record.response ?? "",
  });
}

/**
 * One library recommendation: its provenance as a heading, its text, then body, State, date and
 * themes; "Coalition" marks the workspace's own records (workspaceId set) against the shared library.
 */
export function RecommendationCard({ record, actions, headingLevel = 3, compact = false, className }: RecommendationCardProps) {
  const i18n = useT();
  const { t } = i18n;
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const state = isStateCode(record.stateUnderReview) ? stateName(record.stateUnderReview, i18n.locale) : record.stateUnderReview;
  return (
    <article className={cx("rec-card", record.workspaceId !== null && "rec-card-own", compact && "rec-card-compact", className)} aria-labelledby={headingId}>
      <header className="rec-card-head">
        <Heading id={headingId} className="rec-card-title">
          {recommendationCardTitle(record)}
        </Heading>
        {record.workspaceId !== null ? <Badge tone="accent">{t("library.card.coalition")}</Badge> : null}
      </header>
      <blockquote className="rec-card-text">{record.text}</blockquote>
      <dl className="rec-card-meta">
        <div>
          <dt>{t("library.card.body")}</dt>
          <dd>{record.body}</dd>
        </div>
        <div>
          <dt>{t("library.card.state")}</dt>
          <dd>{state}</dd>
        </div>
        {record.publicationDate ? (
          <div>
            <dt>{t("library.card.date")}</dt>
            <dd>
              <time dateTime={record.publicationDate}>{formatLibraryDate(i18n, record.publicationDate)}</time>
            </dd>
          </div>
        ) : null}
      </dl>
      {record.themes.length > 0 ? (
        <ul className="rec-card-themes" aria-label={t("library.card.themes")}>
          {record.themes.map((theme) => (
            <li key={theme}>
              <Badge>{theme}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {actions ? <div className="rec-card-actions">{actions}</div> : null}
    </article>
  );
}
