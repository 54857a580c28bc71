import type { ReactNode } from "react";

export interface Column {
  label: string;
  /** Visually hidden (an actions column still needs a name for screen readers). */
  hidden?: boolean;
  align?: "end";
}

/**
 * A scrollable table with a labelled header row; rows are the caller's `<tr>` elements.
 * `fit` lays it out to its container's width (cells wrap, controls shrink) instead of scrolling,
 * for tables whose last column holds the row's action (Remove, Revoke) and must stay in view.
 */
export function DataTable({ columns, children, fit = false }: { columns: Column[]; children: ReactNode; fit?: boolean }) {
  return (
    <div className="table-wrap">
      <table className={fit ? "table table-fit" : "table"}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.align === "end" ? "actions" : undefined}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
