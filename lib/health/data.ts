import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

const DATABASE_CHECK_TIMEOUT_MS = 2_000;

/**
 * True when the database answers a trivial query within a short timeout. It asks on a connection of its
 * own: through the request pool, a saturated pool (a burst of bookings) would queue the check behind the
 * requests and report "database down" while the database is fine. Rejects with the reason otherwise.
 */
export async function isDatabaseReachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: env().DATABASE_URL,
    connectionTimeoutMillis: DATABASE_CHECK_TIMEOUT_MS,
    query_timeout: DATABASE_CHECK_TIMEOUT_MS,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
