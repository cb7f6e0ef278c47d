import type { FieldRow } from "@/lib/api/openapi/reference";
import { DataTable } from "@/components/ui/data-table";

export function FieldTable({ rows, caption }: { rows: FieldRow[]; caption: string }) {
  if (rows.length === 0) return null;
  return (
    <DataTable
      variant="compact"
      caption={caption}
      rows={rows.map((row) => ({ ...row, id: row.name }))}
      columns={[
        {
          header: "Field",
          className: "font-mono",
          cell: (row) => (
            <>
              {row.name}
              {row.required && (
                <span className="text-rose-700" title="required">
                  {" "}
                  *
                </span>
              )}
            </>
          ),
        },
        { header: "Type", cell: (row) => row.type, className: "font-mono text-stone-700" },
        { header: "Description", cell: (row) => row.description, className: "text-stone-700" },
      ]}
    />
  );
}
