import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { hashApiKey } from "@/lib/api-keys/secret";
import { apiRequestsPerKey } from "@/lib/rate-limit/policies";
import { API_KEY_COUNTING_SQL } from "@/lib/rate-limit/sql";
import { counterKey, windowStartOf } from "@/lib/rate-limit/window";
import { sqlFile } from "@/lib/sql-files";

/**
 * The baseline of `npm run bench:api`: bare node:http + pg.Pool running the statements the API runs for
 * the two measured requests, with none of the framework, ORM, validation or booking rules. The ratio
 * API/baseline is what all of that costs. The app's own raw statements are run from the same files
 * (prisma/sql/, lib/rate-limit/sql.ts: same text, same parameters); the ones Prisma generates are written
 * out with the same tables, joins and rows:
 *
 * - every request: the key lookup that also counts the request in its rate-limit window (one statement);
 * - POST: BEGIN, the read of everything the booking rules need (bookingContext.sql), the one writing
 *   statement (insertBooking.sql: appointment under the exclusion constraint, audit event, outbox row),
 *   COMMIT. The app's after-response publishing (a batched claim-and-mark transaction) is left out, to
 *   the baseline's advantage.
 * - GET: the first page of appointments with their service, stylist and customer (listAppointments.sql).
 */

const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: Number(process.env.BASELINE_POOL_SIZE ?? 10) });

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

async function create(body: CreateBody) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const startsAt = new Date(body.startsAt);
    const now = new Date();
    const { rows: read } = await client.query<{
      durationMinutes: number;
      bufferBeforeMinutes: number;
      bufferAfterMinutes: number;
      priceCents: number;
      currency: string;
      serviceName: string;
      staff: { staffId: string; name: string }[];
    }>(sqlFile("bookingContext"), [
      body.serviceId,
      body.staffId,
      startsAt,
      new Date(startsAt.getTime() + 1),
      body.customerId,
      now,
      null,
      null,
      null,
      null,
    ]);
    const service = read[0]!;
    const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
    const id = randomUUID();
    const { rows } = await client.query(sqlFile("insertBooking"), [
      id,
      body.customerId,
      body.staffId,
      body.serviceId,
      startsAt,
      endsAt,
      startsAt,
      endsAt,
      "API",
      null,
      service.durationMinutes,
      service.bufferBeforeMinutes,
      service.bufferAfterMinutes,
      service.priceCents,
      service.currency,
      "BOOKED",
      0,
      null,
      randomUUID(),
      "API_KEY",
      null,
      JSON.stringify({ after: body }),
      randomUUID(),
      "appointment.created",
      JSON.stringify({ appointmentId: id, version: 1 }),
    ]);
    await client.query("COMMIT");
    const staff = service.staff.find((member) => member.staffId === body.staffId);
    return { status: 201, body: { id, ...body, endsAt, serviceName: service.serviceName, staffName: staff?.name, ...rows[0] } };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if ((error as { code?: string }).code === "23P01") return { status: 409, body: { code: "SLOT_UNAVAILABLE" } };
    throw error;
  } finally {
    client.release();
  }
}

async function list() {
  // The app's list page statement, unfiltered, for a key that sees the whole salon.
  const { rows } = await pool.query(sqlFile("listAppointments"), [null, null, null, null, null, null, null, "all", null, 21]);
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
