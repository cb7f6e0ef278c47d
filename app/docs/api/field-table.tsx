import type { FieldRow } from "@/lib/api/openapi/reference";

export function FieldTable({ rows, caption }: { rows: FieldRow[]; caption: string }) {
  if (rows.length === 0) return null;
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className="text-left font-medium text-gray-700">{caption}</caption>
      <thead className="text-gray-500">
        <tr>
          <th className="py-1 pr-4 font-normal">Field</th>
          <th className="py-1 pr-4 font-normal">Type</th>
          <th className="py-1 font-normal">Description</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className="border-t border-gray-100 align-top">
            <td className="py-1 pr-4 font-mono">
              {row.name}
              {row.required && (
                <span className="text-rose-700" title="required">
                  {" "}
                  *
                </span>
              )}
            </td>
            <td className="py-1 pr-4 font-mono text-gray-700">{row.type}</td>
            <td className="py-1 text-gray-700">{row.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
