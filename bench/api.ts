import autocannon from "autocannon";
import pg from "pg";
import { createApiFixture, slotSequence, type ApiFixture } from "./lib/api-fixture";
import { startBaseline } from "./lib/baseline-server";
import { startEventSink } from "./lib/event-sink";
import { pacedLoad, type PacedRequest } from "./lib/paced-load";
import { processCpuSeconds } from "./lib/process-cpu";
import { buildNext, freePort, startNext } from "./lib/next-server";
import { printJsonResult, printTable, round } from "./lib/report";

/**
 * `npm run bench:api`: the public API under `next start` against a bare node:http + pg.Pool server doing
 * the same SQL on the same fresh database, both loaded with autocannon in one run. For POST /appointments
 * (distinct free slots) and GET /appointments: the maximum rate (autocannon, 10 connections), then
 * p50/p95/p99 at half that rate, evenly paced.
 * Targets (issue 4): create ≥ 45 % of baseline, list ≥ 50 %, p95 ≤ 40 ms at half rate.
 *
 * Notifications run as in production: each booking's event goes to Inngest (a local stand-in for its
 * event API) after the response, and the emails are rendered by Inngest function runs, which a deployment
 * scales apart from the API. BENCH_NOTIFICATIONS=embedded renders them in the API's own process instead
 * (the zero-setup mode), which bills two emails per booking to the create figures.
 *
 *   npm run bench:api                       # PostgreSQL on localhost (BENCH_DATABASE_URL to choose)
 *   BENCH_SKIP_BUILD=1 BENCH_SECONDS=5 npm run bench:api   (BENCH_PORT pins the app's port; default: a free one)
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const POOL_SIZE = 10;
const NOTIFICATIONS = process.env.BENCH_NOTIFICATIONS === "embedded" ? "embedded" : "inngest";

type Kind = "create" | "list";
type Server = "api" | "baseline";
type Load = { rps: number; p50: number; p95: number; p99: number; non2xx: number; errors: number; responses: number };

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : Number.NaN;
}

function requestFor(kind: Kind, auth: string, body: () => unknown): PacedRequest {
  return kind === "create"
    ? {
        method: "POST",
        path: "/api/v1/appointments",
        headers: { authorization: auth, "content-type": "application/json" },
        body: JSON.stringify(body()),
      }
    : { method: "GET", path: "/api/v1/appointments?limit=20", headers: { authorization: auth } };
}

function summarise(latencies: number[], ok: number, seconds: number, non2xx: number, errors: number): Load {
  latencies.sort((a, b) => a - b);
  return {
    rps: ok / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    non2xx,
    errors,
    responses: latencies.length,
  };
}

/** The maximum rate: autocannon, 10 connections sending back to back. */
function loadFlatOut(url: string, kind: Kind, auth: string, body: () => unknown, seconds: number): Promise<Load> {
  const latencies: number[] = [];
  let ok = 0;
  return new Promise((resolve, reject) => {
    const { path, headers } = requestFor(kind, auth, body);
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          kind === "create"
            ? { method: "POST", path, headers, setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }) }
            : { method: "GET", path, headers },
        ],
      },
      (error, result) =>
        error ? reject(error) : resolve(summarise(latencies, ok, seconds, result.non2xx, result.errors + result.timeouts)),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) ok++;
      latencies.push(responseTime);
    });
  });
}

/**
 * The framework's floor: Next answering GET /api/v1/<unknown> (a 404 problem through the same wrapper —
 * request id, headers, log line, metric — but no database). No route can serve faster than this.
 */
function floorRps(url: string, seconds: number): Promise<number> {
  return new Promise((resolve, reject) =>
    autocannon({ url: `${url}/api/v1/no-such-resource`, connections: CONNECTIONS, duration: seconds }, (error, result) =>
      error ? reject(error) : resolve(result.requests.average),
    ),
  );
}

/** Latency at a given rate: evenly paced, open-loop arrivals (see paced-load.ts for why not autocannon). */
async function loadPaced(url: string, kind: Kind, auth: string, body: () => unknown, seconds: number, rate: number): Promise<Load> {
  const result = await pacedLoad(url, rate, seconds, () => requestFor(kind, auth, body));
  return summarise(result.latenciesMs, result.ok, seconds, result.non2xx, result.errors);
}

/**
 * Between phases: each booking is published (and, embedded, its emails rendered) after the response, and
 * thousands of inserts leave dirty pages and dead tuples behind. Let the outbox drain, then CHECKPOINT and
 * VACUUM ANALYZE, so one phase's background work is not billed to the next. The baseline writes the same
 * outbox rows but has no publisher: its rows are marked published here, or the wait would run out on them
 * and the next API phase would publish them on the API's clock.
 */
async function settle(fixture: ApiFixture, server: Server): Promise<void> {
  const client = new pg.Client({ connectionString: fixture.url });
  try {
    await client.connect();
    if (server === "baseline") {
      await client.query(`UPDATE "OutboxEvent" SET "publishedAt" = now() WHERE "publishedAt" IS NULL`);
    }
    const deadline = Date.now() + 120_000;
    let pending = Number.POSITIVE_INFINITY;
    while (pending > 0 && Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "OutboxEvent" WHERE "publishedAt" IS NULL AND attempts = 0`,
      );
      pending = rows[0]!.n;
      if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (pending > 0) console.error("The outbox did not drain within 120 s; continuing.");
    await client.query("CHECKPOINT");
    await client.query("VACUUM ANALYZE");
  } catch (error) {
    // Settling only makes phases fairer; never let it sink the run.
    console.error(`Could not settle the database (${(error as Error).message}); continuing.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The maximum rate, latency at half of it, and the server's CPU per request at the maximum rate. The CPU
 * window ends after the outbox has drained, so work done after the response (publishing) is billed to
 * the requests that caused it; it is the figure to compare on a loaded machine, where rates are not.
 */
async function measure(server: Server, target: { url: string; pid: number }, kind: Kind, fixture: ApiFixture, firstDay: number) {
  const { url, pid } = target;
  const next = slotSequence(fixture, firstDay);
  const body = () => ({ serviceId: fixture.serviceId, customerId: fixture.customerId, ...next() });
  const auth = `Bearer ${fixture.key}`;
  await loadFlatOut(url, kind, auth, body, 2); // warm-up: JIT, route compilation, pools
  await settle(fixture, server);
  const cpuBefore = processCpuSeconds(pid);
  const max = await loadFlatOut(url, kind, auth, body, SECONDS);
  await settle(fixture, server);
  const cpuMsPerRequest = ((processCpuSeconds(pid) - cpuBefore) * 1000) / Math.max(max.responses, 1);
  const half = await loadPaced(url, kind, auth, body, SECONDS, max.rps / 2);
  await settle(fixture, server);
  return { max, half, cpuMsPerRequest };
}

const fixture = await createApiFixture();
console.error(
  `Database: fresh ${fixture.kind} database; ${SECONDS} s per phase, ${CONNECTIONS} connections; notifications: ${NOTIFICATIONS}.`,
);
const stops: Array<() => Promise<void>> = [fixture.drop];
try {
  buildNext();
  const sink = NOTIFICATIONS === "inngest" ? await startEventSink() : undefined;
  if (sink) stops.unshift(sink.stop);
  const api = await startNext(fixture.url, Number(process.env.BENCH_PORT) || (await freePort()), {
    API_RATE_LIMIT_PER_MINUTE: "1000000",
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    ...(sink && { INNGEST_EVENT_KEY: "bench-event-key", INNGEST_BASE_URL: sink.url }),
  });
  stops.unshift(api.stop);
  const baseline = await startBaseline(fixture.url, await freePort(), POOL_SIZE);
  stops.unshift(baseline.stop);
  // Disjoint day ranges, so the API and the baseline never compete for the same slot.
  const results = {
    create: {
      api: await measure("api", api, "create", fixture, 1),
      baseline: await measure("baseline", baseline, "create", fixture, 1500),
    },
    list: { api: await measure("api", api, "list", fixture, 0), baseline: await measure("baseline", baseline, "list", fixture, 0) },
  };
  await floorRps(api.url, 2);
  const floor = await floorRps(api.url, SECONDS);
  const rows = (["create", "list"] as const).flatMap((kind) =>
    (["api", "baseline"] as const).map((server) => {
      const { max, half, cpuMsPerRequest } = results[kind][server];
      return {
        request: kind === "create" ? "POST /appointments" : "GET /appointments",
        server: server === "api" ? "next start" : "node:http+pg",
        "max req/s": round(max.rps, 1),
        "CPU ms/req": round(cpuMsPerRequest, 2),
        "non-2xx": max.non2xx,
        "p50 ms @½": round(half.p50, 1),
        "p95 ms @½": round(half.p95, 1),
        "p99 ms @½": round(half.p99, 1),
      };
    }),
  );
  printTable(rows);
  console.error(`Framework floor (next start, a 404 problem with no database work): ${round(floor, 1)} req/s.`);
  const summary = (kind: Kind) => {
    const { api: a, baseline: b } = results[kind];
    return {
      rps: round(a.max.rps, 1),
      baselineRps: round(b.max.rps, 1),
      ratio: round(a.max.rps / b.max.rps, 3),
      p95Ms: round(a.half.p95, 1),
      cpuMsPerRequest: round(a.cpuMsPerRequest, 2),
      baselineCpuMsPerRequest: round(b.cpuMsPerRequest, 2),
      cpuRatio: round(b.cpuMsPerRequest / a.cpuMsPerRequest, 3),
      p50Ms: round(a.half.p50, 1),
      p99Ms: round(a.half.p99, 1),
    };
  };
  if (sink) console.error(`Events published to the Inngest stand-in: ${sink.received()}.`);
  printJsonResult({
    bench: "api",
    database: fixture.kind,
    notifications: NOTIFICATIONS,
    floorRps: round(floor, 1),
    create: summary("create"),
    list: summary("list"),
  });
} finally {
  for (const stop of stops) await stop();
}
