import { Fragment, useId, useMemo, useState, type ReactNode } from "react";
import type { BlockPlace } from "../../core/versions/blocks";
import { placeMessage, type Change, type ComparePiece, type Comparison } from "../../core/versions/compare";
import { useT } from "../i18n/i18n-provider";
import { changeShown, filterChoices, filteredInline, filterKey, type CompareFilter, type ComparePerson } from "./compare-filter";

export type { ComparePerson };

export interface CompareViewProps {
  comparison: Comparison;
  /** User id → name and organisation, for every user the comparison credits. */
  people: Record<string, ComparePerson>;
}

/** Between two phrases of one line (every language here separates them with a space). */
const SPACE = " ";

const anchorOf = (idPrefix: string, change: number) => `${idPrefix}-change-${change}`;

/**
 * Two versions of a draft side by side in one text (issue 21): the words of each side, what
 * was added and removed, the changed text inline (insertions and deletions marked for eyes and
 * for screen readers, not by colour alone; unchanged paragraphs folded away) and the list of
 * changes with each side's paragraph numbers ("para. 12 → para. 13"), filtered by the person or
 * organisation who wrote the inserted words. Deletions are credited to nobody (a version knows
 * who wrote text, not who removed it), so a filter on a person shows only changes they wrote in.
 */
export function CompareView({ comparison, people }: CompareViewProps) {
  const { t, text, list } = useT();
  const idPrefix = useId().replace(/:/g, "");
  const [filterValue, setFilterValue] = useState("all");

  const choices = useMemo(() => filterChoices(comparison, people), [comparison, people]);
  const filter = choices.find((choice) => filterKey(choice) === filterValue) ?? { by: "all" };
  const shown = (change: Change) => changeShown(change, filter, people);

  const choiceLabel = (choice: CompareFilter): string => {
    switch (choice.by) {
      case "all":
        return t("compare.filter.everyone");
      case "organisation":
        return t("compare.filter.organisation", { organisation: choice.organisation });
      case "user": {
        const person = people[choice.userId]!;
        return person.organisation ? t("compare.filter.personWithOrganisation", { name: person.name, organisation: person.organisation }) : person.name;
      }
      case "unknown":
        return t("compare.author.unknown");
    }
  };
  const authorName = (author: string | null | undefined): string | undefined => {
    if (author === undefined) return undefined;
    const person = author === null ? undefined : people[author];
    if (!person) return t("compare.author.unknown");
    return person.organisation ? t("compare.filter.personWithOrganisation", { name: person.name, organisation: person.organisation }) : person.name;
  };
  const placeText = (place: BlockPlace) => text(placeMessage(place));
  const places = (change: Change): string => {
    const before = change.before ? placeText(change.before.place) : null;
    const after = change.after ? placeText(change.after.place) : null;
    if (before !== null && after !== null && before !== after) return t("compare.place.both", { before, after });
    return (after ?? before)!;
  };

  const renderPiece = (piece: ComparePiece, key: number): ReactNode => {
    if (piece.op === "equal") return <Fragment key={key}>{piece.text}</Fragment>;
    if (piece.op === "insert") {
      return (
        <ins key={key} className="compare-ins" title={authorName(piece.author)}>
          <span className="sr-only">{t("compare.inline.insertStart")}</span>
          {piece.text}
          <span className="sr-only">{t("compare.inline.insertEnd")}</span>
        </ins>
      );
    }
    return (
      <del key={key} className="compare-del">
        <span className="sr-only">{t("compare.inline.deleteStart")}</span>
        {piece.text}
        <span className="sr-only">{t("compare.inline.deleteEnd")}</span>
      </del>
    );
  };

  const inline = filteredInline(comparison, filter, people);
  const listed = comparison.changes.map((change, index) => ({ change, index })).filter(({ change }) => shown(change));

  return (
    <section className="compare-view" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="compare-title">
        {t("compare.title")}
      </h2>
      <p className="compare-summary">
        <span>{t("compare.summary.words", { before: comparison.words.before, after: comparison.words.after })}</span>{SPACE}
        <span className="compare-totals" aria-hidden="true">
          <span className="compare-added">{t("compare.summary.added", { count: comparison.totals.added })}</span>{SPACE}
          <span className="compare-removed">{t("compare.summary.removed", { count: comparison.totals.removed })}</span>
        </span>
        <span className="sr-only">{t("compare.summary.totals", { added: comparison.totals.added, removed: comparison.totals.removed })}</span>
      </p>

      {comparison.changes.length === 0 ? (
        <p className="compare-none">{t("compare.none")}</p>
      ) : (
        <>
          {choices.length > 2 ? (
            <p className="compare-filter">
              <label htmlFor={`${idPrefix}-filter`}>{t("compare.filter.label")}</label>{SPACE}
              <select id={`${idPrefix}-filter`} value={filterKey(filter)} onChange={(event) => setFilterValue(event.target.value)}>
                {choices.map((choice) => (
                  <option key={filterKey(choice)} value={filterKey(choice)}>
                    {choiceLabel(choice)}
                  </option>
                ))}
              </select>
            </p>
          ) : null}

          <div className="compare-columns">
            <section className="compare-inline" aria-labelledby={`${idPrefix}-inline`}>
              <h3 id={`${idPrefix}-inline`}>{t("compare.inline.title")}</h3>
              {inline.map((entry, k) => {
                if (entry.type === "unchanged") {
                  return (
                    <p key={k} className="compare-fold">
                      {t("compare.inline.unchanged", { count: entry.count })}
                    </p>
                  );
                }
                if (entry.type === "hidden") {
                  return (
                    <p key={k} className="compare-fold">
                      {t("compare.inline.hidden", { count: entry.count })}
                    </p>
                  );
                }
                const change = entry.change === null ? null : comparison.changes[entry.change]!;
                return (
                  <div
                    key={k}
                    id={entry.change === null ? undefined : anchorOf(idPrefix, entry.change)}
                    className={`compare-block compare-${entry.kind} compare-role-${entry.role}`}
                  >
                    <span className="compare-place">{change ? places(change) : placeText(entry.place)}</span>
                    {entry.kind === "moved" && change?.before ? <span className="compare-moved-from">{t("compare.inline.movedFrom", { place: placeText(change.before.place) })}</span> : null}
                    <p className="compare-text">{entry.pieces.map(renderPiece)}</p>
                  </div>
                );
              })}
            </section>

            <section className="compare-list" aria-labelledby={`${idPrefix}-list`}>
              <h3 id={`${idPrefix}-list`}>{t("compare.list.title", { count: listed.length })}</h3>
              <ol>
                {listed.map(({ change, index }) => {
                  const authors = change.authors.map((author) => authorName(author)!).filter((name, i, all) => all.indexOf(name) === i);
                  return (
                    <li key={index} className={`compare-item compare-${change.kind}`}>
                      <a href={`#${anchorOf(idPrefix, index)}`}>
                        <span className="compare-kind">{t("compare.kind", { kind: change.kind })}</span> <span className="compare-place">{places(change)}</span>
                      </a>{SPACE}
                      <span className="compare-counts">{t("compare.list.words", { added: change.added, removed: change.removed })}</span>
                      {authors.length > 0 ? <span className="compare-by">{t("compare.list.by", { names: list(authors) })}</span> : null}
                    </li>
                  );
                })}
              </ol>
            </section>
          </div>
        </>
      )}
    </section>
  );
}
