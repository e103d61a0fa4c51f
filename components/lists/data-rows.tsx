"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";

/**
 * One cell of a list row as plain data: text, a link, a badge and a second line, each optional, all
 * formatted on the server (dates included, so the browser renders the same text). A page of 50 rows
 * sent as data costs a fifth of the same rows sent as a tree of elements, whose every attribute
 * the page carries twice (in its HTML and in the data the browser hydrates from).
 */
export type Cell =
  | string
  | {
      text?: string;
      /** The text is a link to this address. */
      href?: string;
      badge?: { tone: BadgeTone; text: string };
      /** A smaller second line. */
      note?: string;
    };

export interface Row {
  key: string;
  cells: Cell[];
}

function CellContent({ cell }: { cell: Cell }) {
  if (typeof cell === "string") return cell;
  const { text, href, badge, note } = cell;
  return (
    <>
      {text !== undefined && (href ? <a className="row-link" href={href}>{text}</a> : text)}
      {badge && (text !== undefined ? " " : null)}
      {badge && <Badge tone={badge.tone}>{badge.text}</Badge>}
      {note && <span className="row-note">{note}</span>}
    </>
  );
}

/** The body rows of a list table; `labels` are its column headers, shown beside each value on a phone. */
export function DataRows({ labels, rows }: { labels: readonly string[]; rows: Row[] }) {
  return rows.map((row) => (
    <TableRow key={row.key}>
      {row.cells.map((cell, index) => (
        <TableCell key={index} label={labels[index]}>
          <CellContent cell={cell} />
        </TableCell>
      ))}
    </TableRow>
  ));
}
