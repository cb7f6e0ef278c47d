import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The hand-written statements under prisma/sql/, one per file, in the format `prisma generate --sql`
 * reads (positional `$n` parameters, `-- @param` comments), so the app, the bench baseline and a
 * future TypedSQL build all run the same text. Read once per process from the working directory (the
 * project root, or the standalone server's root, where next.config.mjs traces the files to).
 */
export type SqlFileName = "bookingContext" | "insertBooking" | "listAppointments" | "cancelAppointment" | "rescheduleAppointment";

const cache = new Map<SqlFileName, string>();

export function sqlFile(name: SqlFileName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(process.cwd(), "prisma", "sql", `${name}.sql`), "utf8");
    cache.set(name, text);
  }
  return text;
}
