import Link from "next/link";
import type { ReactNode } from "react";

export type Column<Row> = {
  header: string;
  /** Action columns: the header is read to screen readers but not shown. */
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** Makes the cell a link; null when this row has nothing to open, shown as a dash. */
  href?: (row: Row) => string | null;
  className?: string;
};

type Props<Row extends { id: string }> = {
  columns: Column<Row>[];
  rows: Row[];
  /** Shown under the header row's table when there are no rows, so the columns still say what would be listed. */
  empty?: ReactNode;
  caption?: string;
  /** "panel" for a page's main list; "compact" for a table inside a card or a reference page. */
  variant?: "panel" | "compact";
};

const styles = {
  panel: { table: "w-full bg-white text-left text-sm", cell: "p-2", head: "" },
  compact: { table: "mt-2 w-full text-left text-sm", cell: "py-1 pr-4", head: "text-stone-700" },
};

function renderCell<Row>(column: Column<Row>, row: Row): ReactNode {
  const href = column.href?.(row);
  if (href === undefined) return column.cell(row);
  if (href === null) return "—";
  return (
    <Link href={href} className="text-brand-700 underline">
      {column.cell(row)}
    </Link>
  );
}

/** Every list of records shown as rows: header cells with column scope, one row per record, an empty state. */
export function DataTable<Row extends { id: string }>({ columns, rows, empty, caption, variant = "panel" }: Props<Row>) {
  const style = styles[variant];
  return (
    <>
      <table className={style.table}>
        {caption && <caption className="text-left font-medium text-stone-800">{caption}</caption>}
        <thead className={style.head}>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={style.cell}>
                {column.hideHeader ? <span className="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-stone-200 align-top">
              {columns.map((column) => (
                <td key={column.header} className={column.className ? `${style.cell} ${column.className}` : style.cell}>
                  {renderCell(column, row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && empty && <p className="mt-3 text-sm text-stone-700">{empty}</p>}
    </>
  );
}
