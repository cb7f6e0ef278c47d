import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Every statement the app sends, in order. `db` creates its client and pool lazily into these globals:
 * installing ones that report their queries first (call this at the top of a test file, before `db` is
 * used) lets a test count what the cores really send, without a test-only parameter in the product code.
 * The pool is the one the hot reads run on (`queryOnPool`); Prisma's own statements go through its log.
 */
export function captureQueries(): string[] {
  const queries: string[] = [];
  const logging = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
    log: [{ emit: "event", level: "query" }],
  });
  logging.$on("query", (event) => queries.push(event.query));
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, allowExitOnIdle: true });
  pool.on("error", () => undefined); // the file's database is dropped after its last test
  const query = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
  Object.assign(pool, {
    query: (text: string, values?: unknown[]) => {
      queries.push(text);
      return query(text, values);
    },
  });
  Object.assign(globalThis, { prisma: logging, pgPool: pool });
  return queries;
}
