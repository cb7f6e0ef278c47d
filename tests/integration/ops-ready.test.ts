import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/ready/route";
import { db } from "@/lib/db";
import { checkMigrations } from "@/lib/observability/readiness";

/** Readiness on a freshly migrated database: ready, with every migration folder applied. */

// Before any app module reads the environment: the details are for holders of the metrics token.
const token = vi.hoisted(() => (process.env.METRICS_TOKEN = "ready-test-metrics-token-0123456789"));

function ready(authorization: string | null = `Bearer ${token}`) {
  return GET(new Request("http://localhost/api/ready", { headers: authorization ? { authorization } : {} }), undefined);
}

describe("GET /api/ready", () => {
  it("tells the public the status only: no migrations, mail transport or Inngest mode", async () => {
    for (const authorization of [null, "Bearer not-the-token-at-all-0000"]) {
      const response = await ready(authorization);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ready" });
    }
  });

  it("answers 200 with the database, migrations, mail transport and Inngest mode", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ready",
      database: "up",
      migrations: { status: "ok", pending: [], failed: [] },
      mailTransport: expect.stringMatching(/^(resend|mailbox)$/),
      inngestMode: expect.stringMatching(/^(inngest|embedded)$/),
    });
    expect(body.migrations.applied).toBeGreaterThanOrEqual(2);
  });

  describe("when a migration failed half-way", () => {
    afterAll(() => db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);

    it("answers 503 and names it", async () => {
      await db.$executeRaw`
        INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
        VALUES ('broken-test-row', 'x', '29991231000000_broken', now(), 0)`;
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: "not_ready",
        migrations: { status: "failed", failed: ["29991231000000_broken"] },
      });
    });
  });
});

describe("migration check", () => {
  it("names a migration this build ships that the database has not applied (the deploy skipped migrate)", async () => {
    const directory = await mkdtemp(join(tmpdir(), "pamper-migrations-"));
    try {
      await cp(join(process.cwd(), "prisma", "migrations"), directory, { recursive: true });
      await mkdir(join(directory, "29991231000001_next_release"));
      expect(await checkMigrations(directory)).toMatchObject({ status: "pending", pending: ["29991231000001_next_release"], failed: [] });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("falls back to the database's own record when the build ships no migration folders", async () => {
    expect(await checkMigrations(join(tmpdir(), "no-such-migrations-folder"))).toMatchObject({ status: "ok", pending: null });
  });
});
