import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addApiKey, createApiFixture, type ApiFixture } from "../../bench/lib/api-fixture";
import { startEventSink } from "../../bench/lib/event-sink";
import { buildNext, freePort, startNext, type RunningServer } from "../../bench/lib/next-server";
import { withDatabaseName } from "../support/test-database";
import { apiRequest, checkIdempotentBurst, checkSlotRace, type RaceApi, type Send } from "../support/booking-race";

/**
 * Two `next start` instances of one build on one PostgreSQL database, as a deployment behind a load
 * balancer runs them, with requests dealt to them in turn. What must hold across instances: the per-key
 * rate limit, Idempotency-Keys, the outbox (published once although both instances and a worker publish),
 * and the one-booking-per-slot rule. Needs PostgreSQL (BENCH_DATABASE_URL, default the local server) and
 * a build (`.next-bench-api`, or BENCH_NEXT_DIST_DIR with BENCH_SKIP_BUILD=1 to reuse one).
 * MULTI_INSTANCE_POOLER_URL (a transaction-mode PgBouncer in front of that server, any database name)
 * sends the instances' and the worker's queries through the pooler, the worker's LISTEN still direct.
 *
 *   npm run test:multi-instance
 */

const RATE_LIMIT = 120;
const DAY_MS = 86_400_000;

let fixture: ApiFixture;
let sink: Awaited<ReturnType<typeof startEventSink>>;
let instances: RunningServer[] = [];
let worker: ChildProcess | undefined;
let workerExit: Promise<number | null> | undefined;

/** Deals requests to the instances in turn and notes which one answered what. */
function loadBalanced(answered: Array<{ instance: number; status: number }>): Send {
  let next = 0;
  return async (request) => {
    const instance = next++ % instances.length;
    const target = request.url.replace(instances[0]!.url, instances[instance]!.url);
    const body = request.method === "GET" ? undefined : await request.text();
    const response = await fetch(target, { method: request.method, headers: request.headers, body });
    answered.push({ instance, status: response.status });
    return response;
  };
}

function api(key: string, answered: Array<{ instance: number; status: number }> = []): RaceApi {
  return { baseUrl: instances[0]!.url, key, send: loadBalanced(answered) };
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: fixture.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

function startWorker(env: Record<string, string>): Promise<void> {
  const child = spawn(
    "node_modules/.bin/tsx",
    ["--import", "./scripts/lib/allow-server-only.mjs", "scripts/outbox-worker.ts", "--sweep-interval", "2"],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: appDatabaseUrl(),
        DIRECT_DATABASE_URL: fixture.url,
        // Production validates the whole environment, the worker's included.
        AUTH_SECRET: "multi-instance-secret-multi-instance-0123",
        MAIL_TRANSPORT: "mailbox",
        ...env,
      },
    },
  );
  worker = child;
  workerExit = new Promise((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("outbox worker listening")) resolve();
    });
    void workerExit!.then((code) => reject(new Error(`npm run worker exited with ${code} before listening:\n${output}`)));
  });
}

/** The URL the app's own pool uses: the database itself, or the same database through the pooler. */
function appDatabaseUrl(): string {
  const pooler = process.env.MULTI_INSTANCE_POOLER_URL;
  return pooler ? withDatabaseName(pooler, new URL(fixture.url).pathname.slice(1)) : fixture.url;
}

/** A day at least a week ahead, `offset` days further, at 10:00 UTC: every check books a slot of its own. */
function slotOn(offset: number): string {
  return new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS + (7 + offset) * DAY_MS + 10 * 3_600_000).toISOString();
}

beforeAll(async () => {
  process.env.BENCH_DATABASE_URL ??= process.env.TEST_DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres";
  fixture = await createApiFixture();
  buildNext();
  sink = await startEventSink();
  // Inngest mode against a stand-in for its event API: every publication is recorded by outbox id.
  const env = { INNGEST_EVENT_KEY: "multi-instance-key", INNGEST_BASE_URL: sink.url, API_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) };
  const ports = [await freePort(), await freePort()];
  instances = await Promise.all(ports.map((port) => startNext(appDatabaseUrl(), port, env)));
  // A third publisher on the same rows: the worker, as a deployment with OUTBOX_PUBLISHER=worker runs it.
  await startWorker(env);
}, 600_000);

afterAll(async () => {
  worker?.kill("SIGKILL");
  await Promise.all(instances.map((instance) => instance.stop()));
  await sink?.stop();
  await fixture?.drop();
});

describe("two app instances on one database", () => {
  it("share one rate limit per API key: the sum over both instances is capped", async () => {
    // A fixed one-minute window: start well inside one, so the burst is counted in a single window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const answered: Array<{ instance: number; status: number }> = [];
    const limited = api(await addApiKey(fixture), answered);
    for (let wave = 0; wave < 12; wave++) {
      await Promise.all(Array.from({ length: 20 }, () => apiRequest(limited, "GET", "/services?limit=1")));
    }

    const ok = answered.filter((a) => a.status === 200).length;
    const limitedCount = answered.filter((a) => a.status === 429).length;
    expect({ ok, limited: limitedCount }).toEqual({ ok: RATE_LIMIT, limited: answered.length - RATE_LIMIT });
    expect(answered).toHaveLength(2 * RATE_LIMIT);
    // Both instances let requests through; neither counted on its own (each alone would allow 120).
    for (const instance of [0, 1]) expect(answered.some((a) => a.instance === instance && a.status === 200)).toBe(true);
  });

  it("give one appointment for one Idempotency-Key sent to both at once", async () => {
    const body = { serviceId: fixture.serviceId, customerId: fixture.customerId, staffId: fixture.staffIds[1]!, startsAt: slotOn(0) };
    const burst = await checkIdempotentBurst(api(await addApiKey(fixture)), body, `multi-instance-${Date.now()}`);

    expect(burst.problems).toEqual([]);
    const rows = await query(`SELECT id FROM "Appointment" WHERE "staffId" = $1 AND "startsAt" = $2`, [body.staffId, body.startsAt]);
    expect(rows).toHaveLength(1);
  });

  it("let exactly one of 100 concurrent bookings of one slot, split across both, win", async () => {
    const answered: Array<{ instance: number; status: number }> = [];
    const body = { serviceId: fixture.serviceId, customerId: fixture.customerId, staffId: fixture.staffIds[2]!, startsAt: slotOn(1) };
    const race = await checkSlotRace(api(await addApiKey(fixture), answered), body);

    expect(race.problems).toEqual([]);
    expect(answered.filter((a) => a.instance === 0)).toHaveLength(50);
    expect(answered.filter((a) => a.instance === 1)).toHaveLength(50);
  });

  it("publish every outbox event exactly once while both instances and the worker publish", async () => {
    // Bookings on distinct slots through both instances, each of which publishes after its response.
    const booker = api(await addApiKey(fixture));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        apiRequest(booker, "POST", "/appointments", {
          body: {
            serviceId: fixture.serviceId,
            customerId: fixture.customerId,
            staffId: fixture.staffIds[3 + (i % 10)]!,
            startsAt: slotOn(2 + i),
          },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));

    const deadline = Date.now() + 20_000;
    let pending = Infinity;
    while (pending > 0 && Date.now() < deadline) {
      pending = Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "OutboxEvent" WHERE "publishedAt" IS NULL`))[0]!.n);
      if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(pending).toBe(0);
    const rows = await query<{ id: string }>(`SELECT id FROM "OutboxEvent" ORDER BY id`);
    // Every appointment so far (the burst's, the race winner, these 20) announced, and each event sent once.
    expect(rows.length).toBeGreaterThanOrEqual(22);
    expect(sink.receivedIds().sort()).toEqual(rows.map((row) => row.id));
  });

  it("stop the worker cleanly on SIGTERM", async () => {
    worker!.kill("SIGTERM");
    const code = await Promise.race([workerExit!, new Promise((resolve) => setTimeout(() => resolve("still running after 10 s"), 10_000))]);
    expect(code).toBe(0);
  });
});
