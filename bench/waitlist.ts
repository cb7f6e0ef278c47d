import { randomBytes } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { runPrisma } from "../scripts/lib/prisma-cli";
import { createEmptyPGlite, servePGlite } from "../tests/support/test-database";
import { printJsonResult, printTable, round } from "./lib/report";

/**
 * `npm run bench:waitlist` — how fast a cancellation reaches the waitlist, and how matching scales. On an
 * embedded database holding BACKGROUND_ENTRIES active entries spread over a year (for a service nobody
 * matches, so they are read and dropped, never offered), RUNS cancellations each free a fully booked hour
 * that two entries wait for: the time from the cancellation's commit to both offer emails in the mailbox,
 * in embedded mode (publisher → in-process job) and through the real Inngest function (@inngest/test). Then
 * EXPLAIN ANALYZE of the matching query: the index it uses and how many entries it reads per freed slot.
 */

const BACKGROUND_ENTRIES = Number(process.env.BENCH_WAITLIST_ENTRIES ?? 10_000);
const RUNS = Number(process.env.BENCH_WAITLIST_RUNS ?? 5);

process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.LOG_LEVEL ??= "warn";
process.env.MAIL_TRANSPORT ??= "mailbox";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const served = await servePGlite(await createEmptyPGlite());
try {
  await runPrisma(["migrate", "deploy"], served.url);
  Object.assign(process.env, { DATABASE_URL: served.url });
  for (const name of ["RESEND_API_KEY", "INNGEST_EVENT_KEY", "INNGEST_DEV"]) delete process.env[name];
  const { db } = await import("@/lib/db");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const { bookAppointment, cancelAppointment } = await import("@/lib/booking/mutations");
  const { publishPendingOutbox } = await import("@/lib/notifications/publisher");
  const { offerFreedTimeJob } = await import("@/lib/notifications/jobs/definitions/offer-freed-time");
  const { toInngestFunction } = await import("@/inngest/to-inngest-function");
  const { joinWaitlist } = await import("@/lib/waitlist/mutations");
  const { matchingEntriesSql } = await import("@/lib/waitlist/data");
  const { at, createBookingFixture } = await import("../tests/support/booking-fixtures");
  const f = await createBookingFixture({ bookingHorizonDays: 3650, minNoticeMinutes: 0 });
  // The two waiting customers join once per run, and their unbooked entries stay active.
  await db.salonSettings.update({ where: { id: 1 }, data: { maxWaitlistEntriesPerCustomer: 100 } });

  // Background: entries for "colour", which no stylist performs, over 2030 (1–30 day ranges).
  await db.$executeRaw`
    INSERT INTO "WaitlistEntry" ("id", "customerId", "serviceIds", "staffId", "fromDate", "toDate", "rangeFrom", "rangeUntil", "source", "updatedAt", "createdAt")
    SELECT 'bg' || i, ${f.alice}, ARRAY[${f.colour}], CASE WHEN i % 3 = 0 THEN NULL ELSE ${f.amy} END,
           to_char(d, 'YYYY-MM-DD'), to_char(d + len, 'YYYY-MM-DD'), d, d + len + interval '1 day', 'API', now(), now()
      FROM generate_series(1, ${BACKGROUND_ENTRIES}) AS i,
           LATERAL (SELECT timestamptz '2030-01-01' + ((i * 7919) % 365) * interval '1 day' AS d, (i % 30) * interval '1 day' AS len) AS r`;
  await db.$executeRaw`ANALYZE "WaitlistEntry"`;

  const customers = await Promise.all(
    Array.from({ length: 3 }, (_, i) =>
      db.user.create({ data: { name: `Waiting ${i}`, email: `waiting.${i}@bench.test`, emailVerified: new Date() } }),
    ),
  );
  let week = 0;
  const mondayAfter = () => {
    const date = new Date("2030-02-04T00:00:00Z");
    date.setUTCDate(date.getUTCDate() + 7 * week++);
    return date.toISOString().slice(0, 10);
  };
  /** A booked 10:00 for Amy on a fresh Monday, two customers waiting for it; returns the appointment. */
  async function prepare() {
    const date = mondayAfter();
    const booked = await bookAppointment(f.actors.admin, {
      customerId: customers[2]!.id,
      serviceId: f.cut,
      staffId: f.amy,
      startsAt: at(`${date}T10:00`),
      source: "DASHBOARD",
    });
    for (const customer of customers.slice(0, 2)) {
      await joinWaitlist(f.actors.admin, { customerId: customer.id, serviceIds: [f.cut], from: date, to: date, source: "DASHBOARD" });
    }
    await publishPendingOutbox();
    return booked;
  }
  const offersSentSince = (since: Date) =>
    db.emailMessage.count({ where: { kind: "waitlist.offer", status: "SENT", createdAt: { gte: since } } });

  const embeddedMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const booked = await prepare();
    const since = new Date();
    const started = performance.now();
    await cancelAppointment(f.actors.admin, { appointmentId: booked.id, reason: "Bench" });
    await publishPendingOutbox();
    embeddedMs.push(performance.now() - started);
    if ((await offersSentSince(since)) !== 2) throw new Error("embedded: expected two offer emails");
  }

  const inngestMs: number[] = [];
  const fn = toInngestFunction(offerFreedTimeJob);
  for (let run = 0; run < RUNS; run++) {
    const booked = await prepare();
    const since = new Date();
    const started = performance.now();
    const cancelled = await cancelAppointment(f.actors.admin, { appointmentId: booked.id, reason: "Bench" });
    const { error } = await new InngestTestEngine({
      function: fn,
      events: [{ name: "appointment.cancelled", data: { appointmentId: booked.id, version: cancelled.version, reason: "Bench" } }],
    }).execute();
    inngestMs.push(performance.now() - started);
    if (error || (await offersSentSince(since)) !== 2) throw new Error(`inngest: expected two offer emails (${String(error)})`);
  }

  const freed = { staffId: f.amy, from: at("2030-06-03T10:00"), until: at("2030-06-03T11:10") };
  type PlanNode = {
    "Node Type": string;
    "Index Name"?: string;
    "Actual Rows"?: number;
    "Rows Removed by Filter"?: number;
    Plans?: PlanNode[];
  };
  const [explained] = await db.$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>>(
    Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${matchingEntriesSql(freed, new Date())}`,
  );
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(walk);
  };
  walk(explained!["QUERY PLAN"][0]!.Plan);
  const entryScan =
    nodes.find((node) => node["Index Name"] === "WaitlistEntry_active_range_idx") ??
    nodes.find((node) => node["Node Type"].includes("Scan"));
  const scanned = (entryScan?.["Actual Rows"] ?? 0) + (entryScan?.["Rows Removed by Filter"] ?? 0);

  printTable([
    { mode: "embedded", runs: RUNS, medianMs: round(median(embeddedMs), 0), maxMs: round(Math.max(...embeddedMs), 0) },
    { mode: "inngest (@inngest/test)", runs: RUNS, medianMs: round(median(inngestMs), 0), maxMs: round(Math.max(...inngestMs), 0) },
  ]);
  printJsonResult({
    backgroundEntries: BACKGROUND_ENTRIES,
    embeddedMedianMs: round(median(embeddedMs), 0),
    inngestMedianMs: round(median(inngestMs), 0),
    matchingPlanNode: entryScan?.["Node Type"],
    matchingIndex: entryScan?.["Index Name"] ?? null,
    entriesScannedPerFreedSlot: scanned,
  });
} finally {
  await served.stop();
}
