import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// One pool and one client per process: Next's dev server re-evaluates modules on every edit, which would
// otherwise open a new connection pool each time. Tests may install their own here before first use.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

function createPool(): pg.Pool {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  // Handed to the adapter as its documented external pool, so the hot reads below share its connections
  // and its size limit. allowExitOnIdle: `$disconnect()` leaves an external pool open, and scripts that
  // disconnect must still exit.
  const created = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE, allowExitOnIdle: true });
  // An idle connection the server dropped is replaced on next use; unheard, the event would end the process.
  created.on("error", (error) => logger.warn({ err: error.message }, "an idle database connection failed"));
  return created;
}

function pool(): pg.Pool {
  return (globalForPrisma.pgPool ??= createPool());
}

function client(): PrismaClient {
  return (globalForPrisma.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) }));
}

/**
 * The Prisma client, created on first use rather than on import: `next build` imports route modules
 * (e.g. Auth.js's adapter setup) without a database, and must not need DATABASE_URL to do so.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/**
 * Runs one statement outside any transaction on the adapter's own pool, for the two reads every API
 * request pays: the key lookup and the list page (docs/PERFORMANCE.md, issue 20). Prisma's raw layer
 * costs about 0.16 ms of CPU per statement above the driver's own work (request bookkeeping, parameter
 * and row mapping), which at ~1.7 ms a request was the largest cost left that is not Next's. Everything
 * else, and anything that must share a transaction, goes through `db`. Rows come back as `pg` parses
 * them (timestamptz → Date, int4 → number, enums and text → string); callers check them.
 */
export async function queryOnPool(text: string, values: readonly unknown[]): Promise<unknown[]> {
  const { rows } = await pool().query<Record<string, unknown>>(text, [...values]);
  return rows;
}

/** Closes the client and its pool, so the next use opens new ones (a test file's end, a script's). */
export async function disconnectDatabase(): Promise<void> {
  const { prisma, pgPool } = globalForPrisma;
  globalForPrisma.prisma = undefined;
  globalForPrisma.pgPool = undefined;
  await prisma?.$disconnect();
  await pgPool?.end();
}
