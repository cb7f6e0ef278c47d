import { describe, expect, it } from "vitest";

// A pool of two, so two slow transactions fill it.
process.env.DATABASE_POOL_SIZE = "2";
const { db } = await import("@/lib/db");
const { GET } = await import("@/app/api/health/route");

/**
 * Liveness must not report "database down" because the request pool is busy: the container HEALTHCHECK
 * would restart a healthy instance. On PGlite an open transaction holds the only session, so a full pool
 * there does mean a busy database; the check is meaningful on PostgreSQL.
 */
describe.runIf(process.env.TEST_DATABASE_KIND === "postgresql")("/api/health with a saturated pool", () => {
  it("answers 200 database up while every pooled connection is busy", async () => {
    const busy = Array.from({ length: 2 }, () => db.$transaction((tx) => tx.$executeRaw`SELECT pg_sleep(4)`, { timeout: 10_000 }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const response = await GET(new Request("http://localhost/api/health"), undefined as never);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
    await Promise.all(busy);
  }, 30_000);
});
