import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { hashApiKey } from "@/lib/api-keys/secret";
import { salonAndServiceSql, staffSchedulesSql } from "@/lib/booking/availability-sql";
import { availabilityLoadWindow } from "@/lib/booking/load-window";
import type { Prisma } from "@/lib/generated/prisma/client";
import { apiRequestsPerKey } from "@/lib/rate-limit/policies";
import { API_KEY_COUNTING_SQL } from "@/lib/rate-limit/sql";
import { counterKey, windowStartOf } from "@/lib/rate-limit/window";

/**
 * The baseline of `npm run bench:api`: bare node:http + pg.Pool running the statements the API runs for
 * the two measured requests, with none of the framework, ORM, validation or booking rules. The ratio
 * API/baseline is what all of that costs. The app's own raw statements are imported (same text, same
 * parameters); the ones Prisma generates are written out with the same tables, joins and rows:
 *
 * - every request: the key lookup that also counts the request in its rate-limit window (one statement);
 * - POST: BEGIN, the customer check, the salon+service and stylist-schedule loads, the insert under the
 *   exclusion constraint, the read of the appointment with its service, stylist and customer, the audit
 *   event and the outbox row, COMMIT. The outbox row is written as published: the app's after-response
 *   publishing (a batched claim-and-mark transaction) is left out, to the baseline's advantage.
 * - GET: the first page of appointments with their service, stylist and customer.
 */

const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: Number(process.env.BASELINE_POOL_SIZE ?? 10) });

type Queryable = Pick<pg.Pool, "query">;
const run = <T extends pg.QueryResultRow>(client: Queryable, sql: Prisma.Sql) => client.query<T>(sql.text, sql.values as unknown[]);

async function authenticate(header: string | undefined): Promise<{ ownerId: string } | undefined> {
  const now = new Date();
  const key = header?.replace(/^Bearer /, "") ?? "";
  const { rows } = await pool.query<{ ownerId: string; requestCount: number | null }>(API_KEY_COUNTING_SQL, [
    hashApiKey(key),
    counterKey(apiRequestsPerKey, ""),
    windowStartOf(apiRequestsPerKey, now),
    now,
  ]);
  return rows[0]?.requestCount ? rows[0] : undefined;
}

type CreateBody = { serviceId: string; staffId: string; customerId: string; startsAt: string };

const VIEW_SELECT = `
  SELECT a.*, s.name AS "serviceName", st.name AS "staffName", sp."displayName", c.name AS "customerName", c.email AS "customerEmail"
    FROM "Appointment" a
    JOIN "Service" s ON s.id = a."serviceId"
    JOIN "User" st ON st.id = a."staffId" LEFT JOIN "StaffProfile" sp ON sp."userId" = a."staffId"
    JOIN "User" c ON c.id = a."customerId"`;

async function create(body: CreateBody) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT id FROM "User" WHERE id = $1 LIMIT 1`, [body.customerId]);
    const service = (
      await run<{
        durationMinutes: number;
        bufferBeforeMinutes: number;
        bufferAfterMinutes: number;
        priceCents: number;
        currency: string;
        timezone: string;
      }>(client, salonAndServiceSql(body.serviceId))
    ).rows[0]!;
    const startsAt = new Date(body.startsAt);
    const window = availabilityLoadWindow({ from: startsAt.getTime(), until: startsAt.getTime() + 1 }, service, service.timezone);
    await run(client, staffSchedulesSql({ serviceId: body.serviceId, staffId: body.staffId, window }));
    const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
    const id = randomUUID();
    await client.query(
      `INSERT INTO "Appointment" (id, "customerId", "staffId", "serviceId", "startsAt", "endsAt", "blockedFrom", "blockedUntil", source,
         "durationMinutes", "priceCents", currency, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $5, $6, 'API', $7, $8, $9, now()) RETURNING *`,
      [id, body.customerId, body.staffId, body.serviceId, startsAt, endsAt, service.durationMinutes, service.priceCents, service.currency],
    );
    const { rows } = await client.query(`${VIEW_SELECT} WHERE a.id = $1`, [id]);
    await client.query(
      `INSERT INTO "AppointmentEvent" (id, "appointmentId", "actorKind", action, changes) VALUES ($1, $2, 'API_KEY', 'booked', $3)`,
      [randomUUID(), id, { after: body }],
    );
    await client.query(
      `INSERT INTO "OutboxEvent" (id, type, "appointmentId", payload, "publishedAt") VALUES ($1, 'appointment.created', $2, $3, now())`,
      [randomUUID(), id, { appointmentId: id, version: 1 }],
    );
    await client.query("COMMIT");
    return { status: 201, body: rows[0] };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if ((error as { code?: string }).code === "23P01") return { status: 409, body: { code: "SLOT_UNAVAILABLE" } };
    throw error;
  } finally {
    client.release();
  }
}

async function list() {
  const { rows } = await pool.query(`${VIEW_SELECT} ORDER BY a."startsAt", a.id LIMIT 21`);
  return { status: 200, body: { items: rows.slice(0, 20), nextCursor: rows.length > 20 ? rows[19].id : null } };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    request.on("data", (chunk) => (data += chunk));
    request.on("end", () => resolve(data));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  try {
    if (!(await authenticate(request.headers.authorization))) return send(response, 401, { code: "UNAUTHORIZED" });
    const result = request.method === "POST" ? await create(JSON.parse(await readBody(request)) as CreateBody) : await list();
    send(response, result.status, result.body);
  } catch (error) {
    console.error(error);
    send(response, 500, { code: "INTERNAL" });
  }
}

// handle() answers every failure itself (500 above), so node:http has nothing to wait for.
const server = createServer((request, response) => void handle(request, response));

server.listen(Number(process.env.BASELINE_PORT), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
