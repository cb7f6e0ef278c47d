import { cpuUsage } from "node:process";
import pg from "pg";
import { runPrisma } from "../scripts/lib/prisma-cli";
import { freshDatabase } from "./lib/fresh-database";
import { printJsonResult, printTable, round } from "./lib/report";

/**
 * Bookings per second through the real booking core (`bookAppointment`: validation, availability check,
 * insert under the exclusion constraint, audit event and outbox row in one transaction), sequentially and
 * from concurrent clients, on a fresh database: embedded PGlite by default, or a new database on the
 * PostgreSQL server named by BENCH_DATABASE_URL. Feeds the capacity model in docs/SCALING.md.
 *
 *   npm run bench:booking-db
 *   BENCH_DATABASE_URL=postgresql://postgres:postgres@localhost:5432/postgres npm run bench:booking-db
 */

const SEQUENTIAL = 150;
const WARM_UP = 300;
const CONCURRENCY = 8;
const CONTENDERS = 20;

/**
 * Non-overlapping 60-minute cuts (+10 min buffer) inside both stylists' hours, Monday–Saturday for `weeks`
 * from the Monday `firstMonday`, which must leave the whole range in London's winter time (local = UTC).
 */
function slots(fixture: { amy: string; ben: string }, weeks: number, firstMonday: string): { staffId: string; startsAt: Date }[] {
  const ben = ["09:00", "10:15", "11:30", "12:45", "14:00", "15:15"];
  const amy = ["09:00", "10:15", "11:30", "14:00", "15:15"]; // Amy takes lunch 13:00–14:00
  const result: { staffId: string; startsAt: Date }[] = [];
  for (let day = 0; day < weeks * 7; day++) {
    if (day % 7 === 6) continue; // Sunday
    const date = new Date(Date.parse(`${firstMonday}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
    for (const time of ben) result.push({ staffId: fixture.ben, startsAt: new Date(`${date}T${time}:00Z`) });
    for (const time of amy) result.push({ staffId: fixture.amy, startsAt: new Date(`${date}T${time}:00Z`) });
  }
  return result;
}

const database = await freshDatabase();
try {
  await runPrisma(["migrate", "deploy"], database.url);
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL is set: the Prisma client reads it when the module loads.
  const { db, disconnectDatabase } = await import("@/lib/db");
  const { bookAppointment } = await import("@/lib/booking/mutations");
  const { createBookingFixture, NOW_2030 } = await import("../tests/support/booking-fixtures");

  // Every booking is Alice's own: the cap on upcoming bookings per customer must not stop the run.
  const fixture = await createBookingFixture({ bookingHorizonDays: 365, maxFutureBookingsPerCustomer: 10_000 });
  // January–March 2030, before the clocks change; the warm-up books November–December, after they went back.
  const queue = slots(fixture, 10, "2030-01-07");
  const warmUp = slots(fixture, 8, "2030-10-28").slice(0, WARM_UP);
  const book = (slot: { staffId: string; startsAt: Date }) =>
    bookAppointment(
      fixture.actors.alice,
      { customerId: fixture.alice, serviceId: fixture.cut, staffId: slot.staffId, startsAt: slot.startsAt, source: "WEB" },
      { now: NOW_2030 },
    );

  // Warm-up: JIT, prepared statements, connection pool. A running server has long since optimised the
  // booking path; ten bookings left V8 still compiling it, which put about 0.3 ms on the sequential figure.
  for (const slot of warmUp) await book(slot);

  const cpuMs = (usage: NodeJS.CpuUsage, count: number) => (usage.user + usage.system) / 1000 / count;
  const latencies: number[] = [];
  let cpu = cpuUsage();
  let started = performance.now();
  for (const slot of queue.splice(0, SEQUENTIAL)) {
    const t0 = performance.now();
    await book(slot);
    latencies.push(performance.now() - t0);
  }
  const sequentialSeconds = (performance.now() - started) / 1000;
  const sequentialCpu = cpuUsage(cpu);
  latencies.sort((a, b) => a - b);

  // The floor under the core's figure, measured the same way in the same run: the same transaction shape
  // (BEGIN, two statements, COMMIT) carrying nothing, once through the app's Prisma client and adapter and
  // once on a bare pg client. What the core costs above the first is ours; the gap between the two is the
  // ORM's transaction machinery, which no change to our code removes.
  const floorCpuMs = async (transaction: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await transaction(i);
    const started = cpuUsage();
    for (let i = 0; i < SEQUENTIAL; i++) await transaction(i);
    return cpuMs(cpuUsage(started), SEQUENTIAL);
  };
  const prismaFloor = await floorCpuMs((i) =>
    db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe("SELECT $1::int AS n", i);
      await tx.$queryRawUnsafe("SELECT $1::int AS n", i + 1);
    }),
  );
  const bare = new pg.Client({ connectionString: database.url });
  await bare.connect();
  const pgFloor = await floorCpuMs(async (i) => {
    await bare.query("BEGIN");
    await bare.query("SELECT $1::int AS n", [i]);
    await bare.query("SELECT $1::int AS n", [i + 1]);
    await bare.query("COMMIT");
  });
  await bare.end();

  const concurrentCount = queue.length;
  cpu = cpuUsage();
  started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let slot = queue.shift(); slot; slot = queue.shift()) await book(slot);
    }),
  );
  const concurrentSeconds = (performance.now() - started) / 1000;
  const concurrentCpu = cpuUsage(cpu);

  // The invariant under contention: many customers, one slot, exactly one booking.
  const contested = { staffId: fixture.ben, startsAt: new Date("2030-06-03T09:00:00Z") };
  const outcomes = await Promise.allSettled(Array.from({ length: CONTENDERS }, () => book(contested)));
  const contestedWinners = outcomes.filter((outcome) => outcome.status === "fulfilled").length;

  const result = {
    bench: "booking-db",
    database: database.kind,
    sequential: {
      bookings: SEQUENTIAL,
      perSecond: round(SEQUENTIAL / sequentialSeconds, 1),
      p50Ms: round(latencies[Math.floor(latencies.length / 2)]!, 2),
      p95Ms: round(latencies[Math.floor(latencies.length * 0.95)]!, 2),
      appCpuMsPerBooking: round(cpuMs(sequentialCpu, SEQUENTIAL), 2),
    },
    concurrent: {
      clients: CONCURRENCY,
      bookings: concurrentCount,
      perSecond: round(concurrentCount / concurrentSeconds, 1),
      appCpuMsPerBooking: round(cpuMs(concurrentCpu, concurrentCount), 2),
    },
    floor: {
      prismaTransactionCpuMs: round(prismaFloor, 2),
      pgTransactionCpuMs: round(pgFloor, 2),
      coreOverPrismaFloor: round(cpuMs(sequentialCpu, SEQUENTIAL) / prismaFloor, 2),
    },
    contestedSlot: { attempts: CONTENDERS, booked: contestedWinners },
  };
  console.log(`Booking through the core on ${database.kind} (app CPU includes the database itself for PGlite)`);
  printTable([
    {
      mode: "sequential",
      bookings: SEQUENTIAL,
      "per second": result.sequential.perSecond,
      "app CPU ms/booking": result.sequential.appCpuMsPerBooking,
    },
    {
      mode: `${CONCURRENCY} clients`,
      bookings: concurrentCount,
      "per second": result.concurrent.perSecond,
      "app CPU ms/booking": result.concurrent.appCpuMsPerBooking,
    },
    { mode: "floor: Prisma transaction, 2 × SELECT", bookings: SEQUENTIAL, "per second": "", "app CPU ms/booking": round(prismaFloor, 2) },
    { mode: "floor: bare pg transaction, 2 × SELECT", bookings: SEQUENTIAL, "per second": "", "app CPU ms/booking": round(pgFloor, 2) },
  ]);
  if (contestedWinners !== 1)
    throw new Error(`${contestedWinners} of ${CONTENDERS} concurrent bookings of one slot succeeded; expected exactly 1`);
  await disconnectDatabase();
  printJsonResult(result);
} finally {
  await database.drop();
}
