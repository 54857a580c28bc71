import { Link } from "@remix-run/react";

export interface PagerProps {
  total: number;
  /** From 1. */
  page: number;
  pageSize: number;
  /** The last page a link may point at (the search's offset bound). */
  maxPage?: number;
  hrefFor: (page: number) => string;
  /** "recommendations", for "21–40 of 1,234 recommendations". */
  noun: string;
}

/** "21–40 of 1,234" with Previous and Next links: paging that works without JavaScript. */
export function Pager({ total, page, pageSize, maxPage = Infinity, hrefFor, noun }: PagerProps) {
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const lastPage = Math.min(maxPage, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label="Pages of results">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="muted small">
        {first <= total ? `${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")} ${noun}` : `No more ${noun}`}
      </span>
      {page < lastPage ? (
        <Link to={hrefFor(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
