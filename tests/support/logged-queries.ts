import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Every statement the app sends, in order. `db` creates its client lazily into this global: installing
 * one that reports its queries first (call this at the top of a test file, before `db` is used) lets a
 * test count what the cores really send, without a test-only parameter in the product code.
 */
export function captureQueries(): string[] {
  const logging = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
    log: [{ emit: "event", level: "query" }],
  });
  (globalThis as unknown as { prisma?: unknown }).prisma = logging;
  const queries: string[] = [];
  logging.$on("query", (event) => queries.push(event.query));
  return queries;
}
