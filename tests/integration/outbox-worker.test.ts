import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { inngest } from "@/lib/notifications/jobs/inngest-client";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { startOutboxWorker, type OutboxWorker, type PassReason } from "@/lib/notifications/outbox-worker";
import { resetNotificationSettings } from "@/lib/notifications/settings";
import { bookWithOutbox, seedSalon, type SalonFixture } from "../support/notifications-fixtures";

/**
 * The outbox worker (`npm run worker`) as an operator relies on it: with OUTBOX_PUBLISHER=worker an
 * entry point's after-response step only wakes the worker (NOTIFY), which publishes the booking within a
 * second, and the sweep still publishes when no notification ever arrives. LISTEN/NOTIFY needs a PostgreSQL session of its own, which the embedded database (one
 * shared session, reset between clients) cannot keep: these run only with TEST_DATABASE_URL.
 */

type SentEvent = { id: string; name: string };

let salon: SalonFixture;
let worker: OutboxWorker | undefined;
let sent: SentEvent[];
let passes: Array<{ reason: PassReason; published: number }>;

async function startWorker(sweepIntervalMs: number) {
  worker = await startOutboxWorker({
    listenUrl: process.env.DATABASE_URL!,
    sweepIntervalMs,
    reconnectDelayMs: 100,
    onPass: (summary, reason) => passes.push({ reason, published: summary.published }),
  });
  // The first pass, for rows left from before it listened, is not what these tests are about.
  await vi.waitFor(() => expect(passes.map((pass) => pass.reason)).toContain("start"));
}

/**
 * Books (and, like every entry point, hands the change on with `publishOutboxAfterResponse`, unless
 * `notify` is false), then waits for the row's event to reach Inngest; answers how long that took and
 * which pass did it.
 */
async function bookAndAwaitPublication(timeoutMs: number, { notify = true } = {}) {
  const committedAt = Date.now();
  const appointment = await bookWithOutbox(salon);
  if (notify) expect(await publishOutboxAfterResponse()).toBeUndefined();
  const row = await db.outboxEvent.findFirstOrThrow({ where: { appointmentId: appointment.id } });
  await vi.waitFor(() => expect(sent.map((event) => event.id)).toContain(row.id), { timeout: timeoutMs, interval: 20 });
  const elapsedMs = Date.now() - committedAt;
  await vi.waitFor(async () => expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: row.id } })).publishedAt).not.toBeNull());
  const publishing = () => passes.filter((pass) => pass.published > 0).map((pass) => pass.reason);
  await vi.waitFor(() => expect(publishing()).not.toEqual([]));
  return { elapsedMs, reasons: publishing() };
}

beforeAll(async () => {
  salon = await seedSalon();
});

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  vi.restoreAllMocks();
  delete process.env.INNGEST_DEV;
  delete process.env.OUTBOX_PUBLISHER;
  resetNotificationSettings();
});

describe.runIf(process.env.TEST_DATABASE_KIND === "postgresql")("the outbox worker (PostgreSQL only: LISTEN/NOTIFY)", () => {
  function recordSends() {
    process.env.INNGEST_DEV = "1";
    process.env.OUTBOX_PUBLISHER = "worker";
    resetNotificationSettings();
    sent = [];
    passes = [];
    vi.spyOn(inngest, "send").mockImplementation((async (payload: unknown) => {
      sent.push(...(payload as SentEvent[]));
      return { ids: [] };
    }) as never);
  }

  it("publishes a committed booking within a second, woken by the app's NOTIFY", async () => {
    recordSends();
    // A sweep far away, so only the notification can explain a quick publication.
    await startWorker(60_000);

    const { elapsedMs, reasons } = await bookAndAwaitPublication(1_000);
    expect(elapsedMs).toBeLessThan(1_000);
    expect(reasons).toEqual(["notify"]);
    expect(sent).toHaveLength(1);
  });

  it("publishes a booking whose notification never arrived at the next sweep", async () => {
    recordSends();
    await startWorker(500);
    // As a script or job that writes an outbox row without waking the worker, or a lost notification.
    const { reasons } = await bookAndAwaitPublication(3_000, { notify: false });
    expect(reasons).toEqual(["sweep"]);
  });

  it("listens again after its connection is cut and publishes what came in meanwhile", async () => {
    recordSends();
    await startWorker(60_000);
    await db.$queryRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pamper-outbox-worker' AND datname = current_database()`,
    );

    const { elapsedMs, reasons } = await bookAndAwaitPublication(3_000);
    expect(elapsedMs).toBeLessThan(3_000);
    expect(reasons).toHaveLength(1);
    expect(["notify", "reconnect"]).toContain(reasons[0]);
  });
});
