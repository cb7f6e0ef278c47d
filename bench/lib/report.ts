/**
 * Output conventions shared by the benches: a readable table for people, then exactly one JSON object on
 * the last line for scripts and CI to parse (everything before it is free-form).
 */
export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join("  ");
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((column) => String(row[column] ?? ""))));
}

/** Prints the machine-readable result; call it last. */
export function printJsonResult(result: Record<string, unknown>): void {
  console.log(JSON.stringify(result));
}
