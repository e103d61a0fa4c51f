/*
 * The table sits in a horizontally scrollable wrapper with tabIndex={0} so
 * keyboard users can scroll wide tables with the arrow keys. When `aria-label`
 * is given it names that wrapper, which becomes role="region"; name the table
 * itself with TableCaption (use className="sr-only" to hide it visually).
 *
 * Below `md` each body row is a card and each cell shows its column's header
 * above its value (app/globals.css, `.data-table`), so nothing is clipped and
 * the page never scrolls sideways. The labels come from the header row: Table
 * reads the text of each header cell (or its `label` prop, as a sorting header
 * component may take) and hands it to the cells of every TableRow in each
 * TableBody. A row drawn by a component of its own gets no labels that way:
 * give its cells `label` yourself. The elements carry their table roles
 * explicitly, because some browsers drop the table semantics of elements
 * displayed as blocks.
 */

import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { cn, focusRing } from "./cn";

export type TableProps = React.ComponentProps<"table"> & {
  /** Classes for the scrollable wrapper `<div>`. */
  containerClassName?: string;
};

type ElementProps = { children?: ReactNode; className?: unknown; label?: unknown; colSpan?: unknown; "aria-hidden"?: unknown };

/** The text a header cell shows, without what only assistive technology reads unless that is all there is. */
function textOf(node: ReactNode, skipScreenReaderOnly: boolean): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map((child: ReactNode) => textOf(child, skipScreenReaderOnly)).join("");
  if (!isValidElement<ElementProps>(node)) return "";
  const { props } = node;
  if (props["aria-hidden"] === true || props["aria-hidden"] === "true") return "";
  if (skipScreenReaderOnly && typeof props.className === "string" && props.className.split(/\s+/).includes("sr-only")) return "";
  return textOf(props.children, skipScreenReaderOnly);
}

function headerLabel(cell: ReactElement<ElementProps>): string {
  if (typeof cell.props.label === "string") return cell.props.label;
  const text = textOf(cell.props.children, true).trim() || textOf(cell.props.children, false).trim();
  return text.replace(/\s+/g, " ");
}

function elementsOf(children: ReactNode): ReactElement<ElementProps>[] {
  return Children.toArray(children).filter((child): child is ReactElement<ElementProps> => isValidElement(child));
}

/** The column headers of the table's header row, in order (a cell spanning columns counts for each). */
function columnLabels(children: ReactNode): string[] {
  const header = elementsOf(children).find((child) => child.type === TableHeader);
  const row = header && elementsOf(header.props.children).find((child) => child.type === TableRow);
  if (!row) return [];
  return elementsOf(row.props.children).flatMap((cell) => Array<string>(Number(cell.props.colSpan) || 1).fill(headerLabel(cell)));
}

export function Table({ className, containerClassName, "aria-label": ariaLabel, children, ...props }: TableProps) {
  const labels = columnLabels(children);
  return (
    <div
      tabIndex={0}
      role={ariaLabel ? "region" : undefined}
      aria-label={ariaLabel || undefined}
      className={cn("relative w-full overflow-x-auto", focusRing, containerClassName)}
    >
      <table role="table" className={cn("data-table w-full border-collapse text-left text-sm text-gray-900", className)} {...props}>
        {labels.length === 0
          ? children
          : Children.map(children, (child) =>
              isValidElement<TableBodyProps>(child) && child.type === TableBody ? cloneElement(child, { columnLabels: labels }) : child,
            )}
      </table>
    </div>
  );
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return <caption className={cn("px-4 py-3 text-left text-sm text-gray-600", className)} {...props} />;
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead role="rowgroup" className={cn("border-b border-gray-200 bg-gray-50", className)} {...props} />;
}

type TableBodyProps = React.ComponentProps<"tbody"> & {
  /** Set by Table from its header row. */
  columnLabels?: string[];
};

export function TableBody({ className, columnLabels, children, ...props }: TableBodyProps) {
  return (
    <tbody
      role="rowgroup"
      className={cn("[&>tr]:border-b [&>tr]:border-gray-200 [&>tr:hover]:bg-gray-50 [&>tr:last-child]:border-b-0", className)}
      {...props}
    >
      {columnLabels
        ? Children.map(children, (child) => (isValidElement<TableRowProps>(child) && child.type === TableRow ? cloneElement(child, { columnLabels }) : child))
        : children}
    </tbody>
  );
}

type TableRowProps = React.ComponentProps<"tr"> & {
  /** Set by TableBody: the header of each column, for the cells that have no `label` of their own. */
  columnLabels?: string[];
};

export function TableRow({ className, columnLabels, children, ...props }: TableRowProps) {
  let column = 0;
  return (
    <tr role="row" className={cn("dt-row", className)} {...props}>
      {columnLabels
        ? Children.map(children, (child) => {
            if (!isValidElement<TableCellProps>(child)) return child;
            const label = columnLabels[column];
            column += Number(child.props.colSpan) || 1;
            const isCell = child.type === TableCell || child.type === TableHead;
            return isCell && label && child.props.label === undefined ? cloneElement(child, { label }) : child;
          })
        : children}
    </tr>
  );
}

type TableCellProps = React.ComponentProps<"td"> & {
  /** The column's header, shown above the value when the table is displayed as cards (Table sets it). */
  label?: string;
};

/** Header cell; `scope` defaults to "col" (pass scope="row" for row headers). */
export function TableHead({ className, scope = "col", label, ...props }: React.ComponentProps<"th"> & { label?: string }) {
  return (
    <th
      scope={scope}
      role={scope === "row" ? "rowheader" : "columnheader"}
      data-label={scope === "row" ? label : undefined}
      className={cn(
        "px-4 text-left align-middle",
        scope === "row"
          ? "py-3 font-medium text-gray-900"
          : "h-10 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-gray-700",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, label, ...props }: TableCellProps) {
  return <td role="cell" data-label={label} className={cn("dt-cell", className)} {...props} />;
}
