import type { ReactNode } from "react";
import { BULLET_SPECS, LIST_STYLE_SPECS, type ListCounter } from "../../core/editor/list-styles";
import type { Block, ExportDocument, Inline, ListStyle } from "../../core/export/export-model";
import type { BulletStyle } from "../../core/editor/list-styles";
import { toLetters, toRoman } from "../../core/editor/numbering";
import { useT } from "../i18n/i18n-provider";

/**
 * A version read-only, as the exports print it: the one export model (core/export/export-model.ts)
 * gives paragraph numbers, heading labels and notes numbered in reading order, so "para. 12" here
 * is "para. 12" in the Word file. Rendered on the server: a version opens without the editor.
 */
export function DocumentView({ model }: { model: ExportDocument }) {
  const { t } = useT();
  return (
    <article className="document-view" lang={model.language} dir={model.dir}>
      {model.blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
      {model.footnotes.length ? (
        <section className="document-view-notes" aria-label={t("versions.view.notes")}>
          <ol>
            {model.footnotes.map((note) => (
              <li key={note.number} value={note.number} id={`version-note-${note.number}`}>
                <Inlines content={note.content} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}

function BlockView({ block }: { block: Block }): ReactNode {
  switch (block.kind) {
    case "heading": {
      const Tag = `h${Math.min(block.level + 1, 6)}` as "h2";
      return (
        <Tag lang={block.lang ?? undefined} dir={block.dir ?? undefined}>
          {block.label ? <span className="document-view-label">{block.label} </span> : null}
          <Inlines content={block.content} />
        </Tag>
      );
    }
    case "paragraph":
      return (
        <p className={block.number === null ? undefined : "numbered"} lang={block.lang ?? undefined} dir={block.dir ?? undefined}>
          {block.number === null ? null : <span className="document-view-number">{paragraphLabel(block.number)}</span>}
          <Inlines content={block.content} />
        </p>
      );
    case "list":
      return (
        <ul className="document-view-list">
          {block.items.map((item, i) => (
            <li key={i}>
              <span className="document-view-marker">{listMarker(block.style, block.bullet, block.start + i)}</span>
              <div>{item.map((b, j) => <BlockView key={j} block={b} />)}</div>
            </li>
          ))}
        </ul>
      );
    case "quote":
      return <blockquote lang={block.lang ?? undefined} dir={block.dir ?? undefined}>{block.blocks.map((b, i) => <BlockView key={i} block={b} />)}</blockquote>;
    case "table":
      return (
        <table className="table document-view-table">
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.cells.map((cell, c) => {
                  const Cell = cell.header ? "th" : "td";
                  return <Cell key={c} colSpan={cell.colspan} rowSpan={cell.rowspan}>{cell.blocks.map((b, i) => <BlockView key={i} block={b} />)}</Cell>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "recommendation":
      return (
        <blockquote className="document-view-recommendation">
          <p><Inlines content={block.quote} /></p>
          <p className="small muted">{block.provenance}</p>
        </blockquote>
      );
  }
}

/** A numbered paragraph's label as UN documents print it: "12." (the number is the document's, not the reader's). */
const paragraphLabel = (n: number) => `${n}.`;

function Inlines({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((inline, i) => {
        if (inline.kind === "break") return <br key={i} />;
        if (inline.kind === "note") return <sup key={i}><a href={`#version-note-${inline.number}`}>{inline.number}</a></sup>;
        let node: ReactNode = inline.text;
        const m = inline.marks;
        if (m.link) node = <a href={m.link} rel="noopener noreferrer">{node}</a>;
        if (m.bold) node = <strong>{node}</strong>;
        if (m.italic) node = <em>{node}</em>;
        if (m.underline) node = <u>{node}</u>;
        if (m.strike) node = <s>{node}</s>;
        if (m.superscript) node = <sup>{node}</sup>;
        if (m.subscript) node = <sub>{node}</sub>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

/** The marker a list item prints: "(a)", "iv.", "•" — as the list style says (core/editor/list-styles.ts). */
export function listMarker(style: ListStyle, bullet: BulletStyle | null, n: number): string {
  if (style === "bullet") return BULLET_SPECS[bullet ?? "disc"].marker;
  const spec = LIST_STYLE_SPECS[style];
  const label = counterText(spec.counter, n);
  return spec.parenthesised ? `(${label})` : `${label}.`;
}

function counterText(counter: ListCounter, n: number): string {
  switch (counter) {
    case "decimal":
      return String(n);
    case "lower-alpha":
      return toLetters(n).toLowerCase();
    case "upper-alpha":
      return toLetters(n);
    case "lower-roman":
      return toRoman(n).toLowerCase();
    case "upper-roman":
      return toRoman(n);
  }
}
