import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { runPrisma } from "../../scripts/lib/prisma-cli";
import { generateApiKey } from "../../lib/api-keys/secret";
import { adminQuery, createEmptyPGlite, servePGlite, withDatabaseName } from "../../tests/support/test-database";

/**
 * A fresh, migrated database with a salon for API load: stylists who work around the clock every day
 * (so any hour is bookable), a 60-minute service, a customer, and an admin-owned key with every scope.
 * PostgreSQL from BENCH_DATABASE_URL (default: the local server), or embedded PGlite when none answers.
 */

export const STYLISTS = 20;
const DEFAULT_SERVER = "postgresql://postgres:postgres@localhost:5432/postgres";

export type ApiFixture = {
  url: string;
  kind: "postgresql" | "pglite";
  key: string;
  serviceId: string;
  customerId: string;
  staffIds: string[];
  drop: () => Promise<void>;
};

async function freshDatabase(): Promise<{ url: string; kind: "postgresql" | "pglite"; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER;
  const name = `pamper_bench_api_${randomBytes(4).toString("hex")}`;
  try {
    await adminQuery(server, `CREATE DATABASE "${name}"`);
    return {
      url: withDatabaseName(server, name),
      kind: "postgresql",
      drop: () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  } catch (error) {
    if (process.env.BENCH_DATABASE_URL) throw error;
    console.error(`No PostgreSQL at ${new URL(server).host} (${(error as Error).message}); using embedded PGlite.`);
    const served = await servePGlite(await createEmptyPGlite());
    return { url: served.url, kind: "pglite", drop: served.stop };
  }
}

export async function createApiFixture(): Promise<ApiFixture> {
  const database = await freshDatabase();
  await runPrisma(["migrate", "deploy"], database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "SalonSettings" (id, name, address, timezone, currency, "slotStepMinutes", "minNoticeMinutes",
      "bookingHorizonDays", "cancelCutoffMinutes", "rescheduleCutoffMinutes", "reminderLeadMinutes", "updatedAt")
      VALUES (1, 'Bench Salon', '1 Bench Street', 'UTC', 'GBP', 60, 0, 3650, 60, 60, 1440, now())`);
    const serviceId = randomUUID();
    await client.query(
      `INSERT INTO "Service" (id, slug, name, category, "durationMinutes", "priceCents", currency, "updatedAt")
      VALUES ($1, 'bench-cut', 'Bench cut', 'Hair', 60, 5000, 'GBP', now())`,
      [serviceId],
    );
    const user = async (role: string, name: string) => {
      const id = randomUUID();
      await client.query(`INSERT INTO "User" (id, name, email, role, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
        id,
        name,
        `${id}@bench.test`,
        role,
      ]);
      return id;
    };
    const customerId = await user("CUSTOMER", "Bench Customer");
    const staffIds: string[] = [];
    for (let i = 0; i < STYLISTS; i++) {
      const id = await user("STYLIST", `Stylist ${i}`);
      staffIds.push(id);
      await client.query(`INSERT INTO "StaffProfile" ("userId", "displayName", "sortOrder", "updatedAt") VALUES ($1, $2, $3, now())`, [
        id,
        `Stylist ${i}`,
        i,
      ]);
      await client.query(`INSERT INTO "StaffService" ("staffId", "serviceId") VALUES ($1, $2)`, [id, serviceId]);
      for (let weekday = 1; weekday <= 7; weekday++) {
        await client.query(`INSERT INTO "WorkingHours" (id, "staffId", weekday, "startMinute", "endMinute") VALUES ($1, $2, $3, 0, 1440)`, [
          randomUUID(),
          id,
          weekday,
        ]);
      }
    }
    // The salon's own integration: an admin's key books into every stylist's column (a stylist's key
    // may only book its own) and, as staff, is not held to the per-customer cap on upcoming bookings.
    const key = await insertApiKey(client, await user("ADMIN", "Bench Admin"));
    return { ...database, key, serviceId, customerId, staffIds };
  } finally {
    await client.end();
  }
}

async function insertApiKey(client: pg.Client, ownerId: string): Promise<string> {
  const { key, prefix, hashedKey } = generateApiKey();
  const scopes = ["appointments:read", "appointments:write", "services:read", "staff:read", "customers:read", "customers:write"];
  await client.query(`INSERT INTO "ApiKey" (id, name, prefix, "hashedKey", "ownerId", scopes) VALUES ($1, 'bench', $2, $3, $4, $5)`, [
    randomUUID(),
    prefix,
    hashedKey,
    ownerId,
    scopes,
  ]);
  return key;
}

/** Another key with the fixture key's scopes, its own rate-limit count, owned by front desk (books any column). */
export async function addApiKey(fixture: ApiFixture): Promise<string> {
  const client = new pg.Client({ connectionString: fixture.url });
  await client.connect();
  try {
    const ownerId = randomUUID();
    await client.query(`INSERT INTO "User" (id, name, email, role, "updatedAt") VALUES ($1, 'Front desk', $2, 'FRONT_DESK', now())`, [
      ownerId,
      `${ownerId}@bench.test`,
    ]);
    return await insertApiKey(client, ownerId);
  } finally {
    await client.end();
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Distinct free one-hour slots: slot i of a sequence that starts `fromDay` days from today (UTC). */
export function slotSequence(fixture: ApiFixture, fromDay: number) {
  const firstDay = Math.floor(Date.now() / DAY_MS) * DAY_MS + fromDay * DAY_MS;
  let i = 0;
  return () => {
    const n = i++;
    const staffId = fixture.staffIds[n % STYLISTS]!;
    const hour = Math.floor(n / STYLISTS);
    return { staffId, startsAt: new Date(firstDay + hour * HOUR_MS).toISOString() };
  };
}
