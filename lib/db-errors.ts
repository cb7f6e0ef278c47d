/**
 * Reading PostgreSQL's SQLSTATE out of errors that come through Prisma's pg driver adapter.
 * The adapter does not map every SQLSTATE to a Prisma code (23P01 arrives as an unrelated P-code), so
 * we read the driver's original code, never the message text.
 */

type DriverCause = { originalCode?: unknown; code?: unknown };
type WrappedError = { meta?: { driverAdapterError?: { cause?: DriverCause } }; cause?: unknown };

/** The PostgreSQL SQLSTATE behind `error`, if it came from the database. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const wrapped = current as WrappedError & DriverCause;
    const driverCause = wrapped.meta?.driverAdapterError?.cause;
    if (driverCause && typeof driverCause.originalCode === "string") return driverCause.originalCode;
    if (typeof wrapped.originalCode === "string") return wrapped.originalCode;
    current = wrapped.cause;
  }
  return undefined;
}

/** An exclusion constraint refused the row: here, an overlapping booking for the same stylist. */
export function isExclusionViolation(error: unknown): boolean {
  return sqlStateOf(error) === "23P01";
}
