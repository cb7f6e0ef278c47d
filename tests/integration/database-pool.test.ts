import type pg from "pg";
import { describe, expect, it } from "vitest";

// Before the first use of `db`: the pool reads its size from the environment once.
process.env.DATABASE_POOL_SIZE = "2";
const { db, queryOnPool } = await import("@/lib/db");
const pool = () => (globalThis as unknown as { pgPool: pg.Pool }).pgPool;

describe("one connection pool per instance", () => {
  it("Prisma's queries and the hot reads share it, so DATABASE_POOL_SIZE bounds both", async () => {
    await db.user.count();
    // Prisma's query opened a connection of this pool: the adapter has no pool of its own.
    expect(pool().totalCount).toBe(1);
    const rows = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0 ? queryOnPool("SELECT $1::int AS n", [i]) : db.$queryRawUnsafe<unknown[]>("SELECT 1"),
      ),
    );
    expect(rows.filter((result) => result.length === 1)).toHaveLength(8);
    expect(pool().totalCount).toBeLessThanOrEqual(2);
  });

  it("returns pg's own types from a hot read: Date for timestamptz, number for int4, string[] for text[]", async () => {
    const [row] = await queryOnPool("SELECT $1::timestamptz AS at, 7::int AS n, ARRAY['a','b']::text[] AS list", [
      new Date("2030-01-07T09:00:00Z"),
    ]);
    expect(row).toEqual({ at: new Date("2030-01-07T09:00:00Z"), n: 7, list: ["a", "b"] });
  });
});
