import { randomBytes } from "node:crypto";
import { runPrisma } from "../scripts/lib/prisma-cli";
import { startHttpStub } from "../tests/support/http-stub";
import { createEmptyPGlite, servePGlite } from "../tests/support/test-database";
import { printJsonResult, printTable, round } from "./lib/report";

/**
 * `npm run bench:webhooks` — what webhooks cost a booking, and how fast the sender goes. BOOKINGS bookings
 * (the booking transaction with its outbox row, then the after-response publish, as a request does) run
 * with no endpoint and then with three subscribed endpoints, in the same run (after a warm-up run): the
 * ratio of the two booking rates shows whether deliveries stay off the request path, and the p95 lag is
 * from the change's commit to its acknowledged delivery. Then the sender alone drains a backlog of
 * BACKLOG events × 3 endpoints against a local receiver that answers after RECEIVER_LATENCY_MS.
 */

const BOOKINGS = Number(process.env.BENCH_WEBHOOK_BOOKINGS ?? 150);
const BACKLOG = Number(process.env.BENCH_WEBHOOK_BACKLOG ?? 200);
const RECEIVER_LATENCY_MS = Number(process.env.BENCH_RECEIVER_LATENCY_MS ?? 20);
const ENDPOINTS = 3;

Object.assign(process.env, {
  MAIL_TRANSPORT: "mailbox",
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");

const receiver = await startHttpStub(() => ({ status: 200, body: { ok: true } }), { latencyMs: RECEIVER_LATENCY_MS });
const served = await servePGlite(await createEmptyPGlite());
try {
  await runPrisma(["migrate", "deploy"], served.url);
  process.env.DATABASE_URL = served.url;
  for (const name of ["INNGEST_EVENT_KEY", "INNGEST_DEV"]) delete process.env[name];
  const { db, disconnectDatabase } = await import("@/lib/db");
  const { systemActor } = await import("@/lib/auth/actor");
  const { publishOutboxAfterResponse } = await import("@/lib/notifications/publish-after-response");
  const { publishPendingOutbox } = await import("@/lib/notifications/publisher");
  const { createWebhookEndpoint } = await import("@/lib/webhooks/mutations");
  const { bookWithOutbox, nextStart, seedSalon } = await import("../tests/support/notifications-fixtures");
  const salon = await seedSalon();

  const pendingDeliveries = () => db.webhookDelivery.count({ where: { status: "PENDING" } });
  async function drainEverything() {
    while ((await db.outboxEvent.count({ where: { publishedAt: null } })) > 0 || (await pendingDeliveries()) > 0)
      await publishPendingOutbox();
  }

  /** Bookings per second on the request path; the publish runs alongside, as `after()` would run it. */
  async function bookingRate(): Promise<number> {
    const background: Array<Promise<unknown>> = [];
    const started = performance.now();
    for (let i = 0; i < BOOKINGS; i++) {
      await bookWithOutbox(salon, { startsAt: nextStart() });
      background.push(publishOutboxAfterResponse());
    }
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(background);
    await drainEverything();
    return BOOKINGS / seconds;
  }

  await bookingRate(); // warm-up: the first run pays for compiling and caches, whichever it is
  const withoutHooks = await bookingRate();
  for (let i = 0; i < ENDPOINTS; i++)
    await createWebhookEndpoint(systemActor, { url: `${receiver.url}/hook-${i}`, events: ["appointment.created"] });
  const lagSince = new Date();
  const withHooks = await bookingRate();
  const lags = (
    await db.$queryRaw<Array<{ lag: number }>>`
      SELECT EXTRACT(EPOCH FROM (a."startedAt" - d."eventAt")) * 1000 + a."durationMs" AS lag
        FROM "WebhookAttempt" a JOIN "WebhookDelivery" d ON d.id = a."deliveryId"
       WHERE a."statusCode" = 200 AND d."eventAt" >= ${lagSince}`
  )
    .map((row) => Number(row.lag))
    .sort((a, b) => a - b);
  if (lags.length !== BOOKINGS * ENDPOINTS) throw new Error(`expected ${BOOKINGS * ENDPOINTS} deliveries, got ${lags.length}`);
  const p95Lag = lags[Math.floor(lags.length * 0.95)]!;
  const failures = await db.webhookAttempt.groupBy({ by: ["error"], where: { error: { not: null } }, _count: { _all: true } });
  if (failures.length > 0) console.log("failed attempts (retried):", failures.map((row) => `${row._count._all} × ${row.error}`).join("; "));

  // The sender alone: a backlog of deliveries already written (the relay was down), sent in one drain.
  const { createDeliveriesForOutboxEvent } = await import("@/lib/webhooks/mutations");
  const { sendDueWebhookDeliveries } = await import("@/lib/webhooks/send-deliveries");
  for (let i = 0; i < BACKLOG; i++) await bookWithOutbox(salon, { startsAt: nextStart() });
  for (const row of await db.outboxEvent.findMany({ where: { publishedAt: null }, select: { id: true } }))
    await createDeliveriesForOutboxEvent(row.id);
  await db.outboxEvent.updateMany({ where: { publishedAt: null }, data: { publishedAt: new Date() } });
  const before = receiver.requests.length;
  const started = performance.now();
  await sendDueWebhookDeliveries();
  const seconds = (performance.now() - started) / 1000;
  const delivered = receiver.requests.length - before;
  if (delivered !== BACKLOG * ENDPOINTS) throw new Error(`expected ${BACKLOG * ENDPOINTS} requests, got ${delivered}`);

  printTable([
    { run: "bookings, no endpoint", perSecond: round(withoutHooks, 1) },
    { run: `bookings, ${ENDPOINTS} endpoints`, perSecond: round(withHooks, 1) },
    { run: `send ${BACKLOG} events × ${ENDPOINTS}`, perSecond: round(delivered / seconds, 1) },
  ]);
  printJsonResult({
    bench: "webhooks",
    bookings: BOOKINGS,
    receiverLatencyMs: RECEIVER_LATENCY_MS,
    bookingsPerSecondWithout: round(withoutHooks, 1),
    bookingsPerSecondWith: round(withHooks, 1),
    bookingRatio: round(withHooks / withoutHooks, 3),
    deliveriesPerSecond: round(delivered / seconds, 1),
    p95DeliveryLagMs: round(p95Lag, 1),
  });
  await disconnectDatabase();
} finally {
  await served.stop();
  await receiver.close();
}
