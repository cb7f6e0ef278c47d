import { randomBytes } from "node:crypto";
import { runPrisma } from "../scripts/lib/prisma-cli";
import { createEmptyPGlite, servePGlite } from "../tests/support/test-database";
import { printJsonResult, printTable, round } from "./lib/report";

/**
 * `npm run bench:email` — two questions about notifications:
 *  1. How long does rendering one email take (HTML + plain text, warm), per template? Target p95 ≤ 20 ms.
 *  2. Does turning notifications on slow down booking? The same run books through the real booking core
 *     with notifications off (outbox row only) and on (outbox row + publishOutboxAfterResponse(), which
 *     runs the embedded handlers off the request path), alternating one of each so drift cancels out.
 *     Target: on/off ≤ 1.1× at the median request latency.
 * Runs on a fresh embedded database, with NODE_ENV=production (React's production build, as deployed).
 */

const RENDER_WARMUP = 50;
const RENDER_SAMPLES = 300;
const PAIRS = 120;
const SATURATED_PAIRS = 40;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

async function renderTimes(): Promise<Record<string, { p50: number; p95: number }>> {
  const { renderEmail } = await import("@/lib/notifications/render-email");
  const { previewAppointment: props } = await import("@/emails/components/appointment-email-props");
  const { confirmationEmail } = await import("@/lib/notifications/jobs/definitions/send-confirmation");
  const { rescheduleEmail } = await import("@/lib/notifications/jobs/definitions/send-reschedule-notice");
  const { cancellationEmail } = await import("@/lib/notifications/jobs/definitions/send-cancellation-notice");
  const { reminderEmail } = await import("@/lib/notifications/jobs/definitions/send-reminder");
  const { stylistBookedEmail } = await import("@/lib/notifications/jobs/definitions/notify-stylist");
  const templates: Record<string, () => Promise<unknown>> = {
    confirmation: () => renderEmail(confirmationEmail, props),
    reschedule: () => renderEmail(rescheduleEmail, { ...props, previousStartsAt: "Friday, 4 January 2030, 15:30" }),
    cancellation: () => renderEmail(cancellationEmail, { ...props, reason: "Stylist unwell" }),
    reminder: () => renderEmail(reminderEmail, props),
    "stylist-notice": () => renderEmail(stylistBookedEmail, { ...props, change: "booked", reason: null }),
  };
  const result: Record<string, { p50: number; p95: number }> = {};
  for (const [name, render] of Object.entries(templates)) {
    for (let i = 0; i < RENDER_WARMUP; i++) await render();
    const samples: number[] = [];
    for (let i = 0; i < RENDER_SAMPLES; i++) {
      const t0 = performance.now();
      await render();
      samples.push(performance.now() - t0);
    }
    result[name] = { p50: round(percentile(samples, 0.5), 2), p95: round(percentile(samples, 0.95), 2) };
  }
  return result;
}

/** Monday–Saturday 09:00–12:45 starts for both stylists from 2030-01-07 (London = UTC in winter). */
function slots(fixture: { amy: string; ben: string }, count: number) {
  const times = ["09:00", "10:15", "11:30"];
  const result: { staffId: string; startsAt: Date }[] = [];
  for (let day = 0; result.length < count; day++) {
    if (day % 7 === 6) continue;
    const date = new Date(Date.UTC(2030, 0, 7 + day)).toISOString().slice(0, 10);
    for (const time of times)
      for (const staffId of [fixture.ben, fixture.amy]) result.push({ staffId, startsAt: new Date(`${date}T${time}:00Z`) });
  }
  return result;
}

// Production mode requires a session secret; this bench signs no sessions, so any value will do. The
// background work logs one line per email: keep stdout for the results.
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.LOG_LEVEL ??= "warn";

const served = await servePGlite(await createEmptyPGlite());
try {
  await runPrisma(["migrate", "deploy"], served.url);
  process.env.DATABASE_URL = served.url;
  for (const name of ["RESEND_API_KEY", "INNGEST_EVENT_KEY", "INNGEST_DEV"]) delete process.env[name];
  const { db, disconnectDatabase } = await import("@/lib/db");
  const { bookAppointment } = await import("@/lib/booking/mutations");
  const { publishOutboxAfterResponse } = await import("@/lib/notifications/publish-after-response");
  const { createBookingFixture, NOW_2030 } = await import("../tests/support/booking-fixtures");

  const renders = await renderTimes();

  const fixture = await createBookingFixture({ bookingHorizonDays: 3650 });
  const queue = slots(fixture, 2 * (PAIRS + SATURATED_PAIRS) + 20);
  const book = (slot: { staffId: string; startsAt: Date }) =>
    bookAppointment(
      fixture.actors.alice,
      { customerId: fixture.alice, serviceId: fixture.cut, staffId: slot.staffId, startsAt: slot.startsAt, source: "WEB" },
      { now: NOW_2030 },
    );
  /** One request: the booking, plus (when on) scheduling the publish — what a server action does before it responds. */
  async function request(notify: boolean): Promise<{ ms: number; background?: Promise<unknown> }> {
    const t0 = performance.now();
    await book(queue.shift()!);
    const background = notify ? publishOutboxAfterResponse() : undefined;
    return { ms: performance.now() - t0, background };
  }

  for (let i = 0; i < 10; i++) await (await request(i % 2 === 0)).background;

  // Paced: requests arrive after the previous one's background work is done (a salon's real traffic).
  const paced = { on: [] as number[], off: [] as number[] };
  for (let i = 0; i < PAIRS; i++) {
    for (const notify of i % 2 ? [true, false] : [false, true]) {
      const { ms, background } = await request(notify);
      (notify ? paced.on : paced.off).push(ms);
      await background;
    }
  }
  // Saturated: back to back, the background work competes with the next request for CPU and database.
  const saturated = { on: [] as number[], off: [] as number[] };
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < SATURATED_PAIRS; i++) {
    for (const notify of i % 2 ? [true, false] : [false, true]) {
      const { ms, background } = await request(notify);
      (notify ? saturated.on : saturated.off).push(ms);
      if (background) pending.push(background);
    }
  }
  await Promise.all(pending);
  const emailsSent = await db.emailMessage.count({ where: { status: "SENT" } });
  const unpublished = await db.outboxEvent.count({ where: { publishedAt: null } });
  await disconnectDatabase();

  const ratio = (mode: { on: number[]; off: number[] }) => round(percentile(mode.on, 0.5) / percentile(mode.off, 0.5), 3);
  console.log("Warm render, HTML + plain text (ms)");
  printTable(Object.entries(renders).map(([template, r]) => ({ template, p50: r.p50, p95: r.p95 })));
  console.log("\nBooking request latency through the core (ms), notifications off vs on");
  printTable(
    (["paced", "saturated"] as const).flatMap((name) => {
      const mode = name === "paced" ? paced : saturated;
      return (["off", "on"] as const).map((key) => ({
        arrival: name,
        notifications: key,
        requests: mode[key].length,
        p50: round(percentile(mode[key], 0.5), 2),
        p95: round(percentile(mode[key], 0.95), 2),
      }));
    }),
  );
  console.log(`\n${emailsSent} emails delivered to the mailbox in the background; ${unpublished} outbox rows left unpublished.`);
  printJsonResult({
    bench: "email",
    renderP95Ms: Object.fromEntries(Object.entries(renders).map(([name, r]) => [name, r.p95])),
    renderP50Ms: Object.fromEntries(Object.entries(renders).map(([name, r]) => [name, r.p50])),
    notifyOnOffRatio: ratio(paced),
    saturatedOnOffRatio: ratio(saturated),
    emailsSent,
  });
} finally {
  await served.stop();
}
