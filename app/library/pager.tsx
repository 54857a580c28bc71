import { Link } from "@remix-run/react";
import { useT } from "../i18n/i18n-provider";

export interface PagerProps {
  total: number;
  /** From 1. */
  page: number;
  pageSize: number;
  /** The last page a link may point at (the search's offset bound). */
  maxPage?: number;
  hrefFor: (page: number) => string;
  /** What is counted, for "21–40 of 1,234 recommendations". */
  noun: "recommendations";
}

/** "21–40 of 1,234" with Previous and Next links: paging that works without JavaScript. */
export function Pager({ total, page, pageSize, maxPage = Infinity, hrefFor, noun }: PagerProps) {
  const { t } = useT();
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const lastPage = Math.min(maxPage, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={t("library.pager.label")}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          {t("library.pager.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="muted small">
        {first <= total ? t("library.pager.range", { noun, first, last, count: total }) : t("library.pager.noMore", { noun })}
      </span>
      {page < lastPage ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t("library.pager.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
