import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";

/**
 * The baseline: bare node:http + pg.Pool doing the same SQL the API does for these two requests — key
 * lookup, rate-limit upsert, then the booking transaction (insert under the exclusion constraint, audit
 * event, outbox row) or the list query — with none of the framework, ORM, validation or availability
 * rules. The ratio API/baseline is what all of that costs.
 */

type Key = { id: string; hashedKey: string; ownerId: string };

async function authenticate(pool: pg.Pool, header: string | undefined): Promise<Key | undefined> {
  const key = header?.replace(/^Bearer /, "") ?? "";
  const { rows } = await pool.query<Key>(
    `SELECT k.id, k."hashedKey", k."ownerId" FROM "ApiKey" k JOIN "User" u ON u.id = k."ownerId" WHERE k.prefix = $1 AND k."revokedAt" IS NULL`,
    [key.slice(0, 11)],
  );
  const row = rows[0];
  return row && createHash("sha256").update(key).digest("hex") === row.hashedKey ? row : undefined;
}

async function countRequest(pool: pg.Pool, keyId: string): Promise<void> {
  const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  await pool.query(
    `INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES ($1, $2, 1)
     ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1 RETURNING "count"`,
    [`baseline:${keyId}`, windowStart],
  );
}

async function create(pool: pg.Pool, body: { serviceId: string; staffId: string; customerId: string; startsAt: string }) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const service = (await client.query(`SELECT "durationMinutes", "priceCents", currency FROM "Service" WHERE id = $1`, [body.serviceId])).rows[0];
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
    const id = randomUUID();
    const { rows } = await client.query(
      `INSERT INTO "Appointment" (id, "customerId", "staffId", "serviceId", "startsAt", "endsAt", "blockedFrom", "blockedUntil", source,
         "durationMinutes", "priceCents", currency, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $5, $6, 'API', $7, $8, $9, now()) RETURNING *`,
      [id, body.customerId, body.staffId, body.serviceId, startsAt, endsAt, service.durationMinutes, service.priceCents, service.currency],
    );
    await client.query(`INSERT INTO "AppointmentEvent" (id, "appointmentId", "actorKind", action) VALUES ($1, $2, 'API_KEY', 'created')`, [randomUUID(), id]);
    // Written as already published: the same insert, but the API server's publisher must not send the
    // baseline's emails (that work would be billed to the API, and the bench waits for the outbox to drain).
    await client.query(`INSERT INTO "OutboxEvent" (id, type, "appointmentId", payload, "publishedAt") VALUES ($1, 'appointment.created', $2, $3, now())`, [randomUUID(), id, { appointmentId: id, version: 1 }]);
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

async function list(pool: pg.Pool) {
  const { rows } = await pool.query(
    `SELECT a.*, s.name AS "serviceName", st.name AS "staffName", c.name AS "customerName", c.email AS "customerEmail"
       FROM "Appointment" a JOIN "Service" s ON s.id = a."serviceId" JOIN "User" st ON st.id = a."staffId" JOIN "User" c ON c.id = a."customerId"
      ORDER BY a."startsAt", a.id LIMIT 21`,
  );
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

export async function startBaseline(databaseUrl: string, port: number, poolSize: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    try {
      const key = await authenticate(pool, request.headers.authorization);
      if (!key) return send(response, 401, { code: "UNAUTHORIZED" });
      await countRequest(pool, key.id);
      const result = request.method === "POST" ? await create(pool, JSON.parse(await readBody(request))) : await list(pool);
      send(response, result.status, result.body);
    } catch {
      send(response, 500, { code: "INTERNAL" });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}
