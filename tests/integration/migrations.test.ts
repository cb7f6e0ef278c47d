import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { runPrisma } from "../../scripts/lib/prisma-cli";
import { createEmptyPGlite, servePGlite } from "../support/test-database";

/** The committed migrations, applied by the real Prisma CLI (offline schema engine), to an empty database. */
describe("database migrations", () => {
  let server: Awaited<ReturnType<typeof servePGlite>>;

  beforeAll(async () => {
    server = await servePGlite(await createEmptyPGlite());
  });
  afterAll(() => server.stop());

  it("apply cleanly to an empty database with prisma migrate deploy", async () => {
    await runPrisma(["migrate", "deploy"], server.url);
    const folders = (await readdir("prisma/migrations", { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const applied = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      expect(applied.rows.map((row) => row.migration_name)).toEqual(folders);
      const constraint = await client.query(
        `SELECT conname FROM pg_constraint WHERE conname = 'Appointment_no_overlap_per_staff' AND contype = 'x'`,
      );
      expect(constraint.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });

  it("report the database as up to date afterwards", async () => {
    await expect(runPrisma(["migrate", "status"], server.url)).resolves.toBeUndefined();
  });
});
