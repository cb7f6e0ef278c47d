/**
 * Reading PostgreSQL's SQLSTATE out of errors that come through Prisma's pg driver adapter, or straight
 * from the `pg` driver for the hot reads that run on the pool (`queryOnPool`). The adapter does not map
 * every SQLSTATE to a Prisma code (23P01 arrives as an unrelated P-code), so we read the driver's
 * original code, never the message text.
 */

type DriverCause = { originalCode?: unknown; code?: unknown; severity?: unknown; syscall?: unknown; errno?: unknown };
type WrappedError = { meta?: { driverAdapterError?: { cause?: DriverCause } }; cause?: unknown };

/** The PostgreSQL SQLSTATE behind `error`, if it came from the database. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const wrapped = current as WrappedError & DriverCause;
    const driverCause = wrapped.meta?.driverAdapterError?.cause;
    if (driverCause && typeof driverCause.originalCode === "string") return driverCause.originalCode;
    if (typeof wrapped.originalCode === "string") return wrapped.originalCode;
    // pg's own DatabaseError, recognised as adapter-pg recognises it: a severity beside the SQLSTATE.
    if (typeof wrapped.severity === "string" && typeof wrapped.code === "string") return wrapped.code;
    current = wrapped.cause;
  }
  return undefined;
}

/**
 * A unique index refused the row. P2002 is Prisma's own code; 23505 is what arrives when the adapter
 * passes the driver error through instead.
 */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002" || sqlStateOf(error) === "23505";
}

/** An exclusion constraint refused the row: here, an overlapping booking for the same stylist. */
export function isExclusionViolation(error: unknown): boolean {
  return sqlStateOf(error) === "23P01";
}

// Prisma's codes for "can't reach / lost the server" (P1001, P1002, P1017), a pool or transaction that
// could not get a connection in time (P2024, P2028) and "too many connections" (P2037).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2037"]);
// adapter-pg's names for the same socket-level failures, when Prisma reports them under another code.
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// SQLSTATE: connection exceptions (class 08), shutdown or start-up in progress, too many connections.
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3]|53300)$/;

// Node's socket errors that adapter-pg reports as the kinds above, as they arrive from `pg` itself.
const UNAVAILABLE_SOCKET_CODES = new Set(["ENOTFOUND", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"]);

type AdapterCause = { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } & DriverCause;

/**
 * The database is down, restarting or overloaded, so the request may succeed if retried later: a 503, not
 * a bug. Read from Prisma's and the driver's codes, never the message text.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, meta, syscall, errno } = error as AdapterCause;
  if (typeof code === "string" && UNAVAILABLE_PRISMA_CODES.has(code)) return true;
  if (typeof code === "string" && typeof syscall === "string" && typeof errno === "number" && UNAVAILABLE_SOCKET_CODES.has(code))
    return true;
  const kind = meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
  return UNAVAILABLE_SQLSTATES.test(sqlStateOf(error) ?? "");
}
