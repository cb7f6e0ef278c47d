import { createServer } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { problemFromError, problemResponse } from "@/lib/api/problem";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A database that is down answers the API with 503 + Retry-After (readiness already says not ready),
 * never a 500. The errors are the real ones Prisma and adapter-pg throw, not hand-made shapes.
 */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === "object" && address ? address.port : 1;
}

async function errorFrom(work: (db: PrismaClient) => Promise<unknown>): Promise<unknown> {
  const url = `postgresql://postgres:postgres@127.0.0.1:${await closedPort()}/postgres`;
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await work(db);
  } catch (error) {
    return error;
  } finally {
    await db.$disconnect();
  }
  throw new Error("expected the query to fail");
}

describe("the API when the database is unreachable", () => {
  it.each([
    ["a model query", (db: PrismaClient) => db.user.findFirst()],
    ["a raw query", (db: PrismaClient) => db.$queryRaw`SELECT 1`],
    ["an interactive transaction", (db: PrismaClient) => db.$transaction((tx) => tx.user.findFirst())],
  ])("answers %s that cannot connect with 503 problem+json and Retry-After", async (_, work) => {
    const { problem, headers } = problemFromError(await errorFrom(work));
    const response = problemResponse(problem, headers);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 503, code: "DATABASE_UNAVAILABLE" });
  });

  it("answers a hot read on the pool that cannot connect with 503 problem+json and Retry-After", async () => {
    // The key lookup and the list page run on pg's pool directly (queryOnPool): pg's own errors, not Prisma's.
    const pool = new pg.Pool({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${await closedPort()}/postgres` });
    const error: unknown = await pool.query("SELECT 1").then(
      () => new Error("expected the query to fail"),
      (failure: unknown) => failure,
    );
    await pool.end();
    const { problem, headers } = problemFromError(error);
    expect(problem).toMatchObject({ status: 503, code: "DATABASE_UNAVAILABLE" });
    expect(headers["Retry-After"]).toBe("5");
  });

  it("still answers a bug with a 500", () => {
    expect(problemFromError(new TypeError("x is undefined")).problem.status).toBe(500);
  });
});
