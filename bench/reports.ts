import { runPrisma } from "../scripts/lib/prisma-cli";
import { freshDatabase } from "./lib/fresh-database";
import { printJsonResult, printTable, round } from "./lib/report";

/**
 * Time per report over a year of a busy salon: 10 stylists, 2,000 customers, 50,000 appointments in
 * Europe/London (both clock changes included), every report asked for the whole year. On the PostgreSQL
 * server named by BENCH_DATABASE_URL (the figure the ≤ 300 ms target is about), or embedded PGlite.
 *
 *   BENCH_DATABASE_URL=postgresql://postgres:postgres@localhost:5432/postgres npm run bench:reports
 */

const APPOINTMENTS = 50_000;
const STYLISTS = 10;
const CUSTOMERS = 2_000;
const RUNS = 5;
const YEAR = { from: "2029-01-01", to: "2029-12-31" };

const database = await freshDatabase();
try {
  await runPrisma(["migrate", "deploy"], database.url);
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL is set: the Prisma client reads it when the module loads.
  const { db, disconnectDatabase } = await import("@/lib/db");
  const data = await import("@/lib/reports/data");
  const { reportScope } = await import("@/lib/reports/load-reports");
  const { upsertTestSalon } = await import("../tests/support/booking-fixtures");

  await upsertTestSalon({ timezone: "Europe/London", minNoticeMinutes: 0, bookingHorizonDays: 365 });
  const seedStarted = performance.now();
  const staff: string[] = [];
  for (let index = 0; index < STYLISTS; index++) {
    const user = await db.user.create({ data: { name: `Stylist ${index}`, email: `stylist.${index}@bench.test`, role: "STYLIST" } });
    await db.staffProfile.create({ data: { userId: user.id, displayName: `Stylist ${index}` } });
    await db.workingHours.createMany({
      data: [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
        { staffId: user.id, weekday, startMinute: 540, endMinute: 780 },
        { staffId: user.id, weekday, startMinute: 840, endMinute: 1200 },
      ]),
    });
    await db.timeOff.create({
      data: {
        staffId: user.id,
        startsAt: new Date(`2029-0${(index % 9) + 1}-10T00:00:00Z`),
        endsAt: new Date(`2029-0${(index % 9) + 1}-17T00:00:00Z`),
      },
    });
    staff.push(user.id);
  }
  await db.user.createMany({
    data: Array.from({ length: CUSTOMERS }, (_, index) => ({ name: `Customer ${index}`, email: `customer.${index}@bench.test` })),
  });
  const customers = (await db.user.findMany({ where: { role: "CUSTOMER" }, select: { id: true } })).map((row) => row.id);
  const services = await Promise.all(
    [30, 45, 45, 60, 90].map((minutes, index) =>
      db.service.create({
        data: {
          slug: `bench-${index}`,
          name: `Service ${index}`,
          category: "Bench",
          durationMinutes: minutes,
          priceCents: 2500 + index * 1500,
        },
      }),
    ),
  );
  // 14 slots of 45 minutes a day per stylist, every day of 2029 (≈ 51,000), the first 50,000 kept.
  await db.$executeRaw`
    INSERT INTO "Appointment" (id, "customerId", "staffId", "serviceId", "startsAt", "endsAt", "blockedFrom", "blockedUntil",
      status, source, "durationMinutes", "priceCents", currency, "cancelledAt", "updatedAt")
    SELECT gen_random_uuid()::text, c[1 + (n * 7919) % ${CUSTOMERS}], s[1 + st], v[1 + (n * 31) % 5], t, t + interval '40 minutes',
      t, t + interval '40 minutes',
      (CASE WHEN n % 17 = 0 THEN 'CANCELLED' WHEN n % 23 = 0 THEN 'NO_SHOW' WHEN t < '2029-11-01' THEN 'COMPLETED' ELSE 'BOOKED' END)::"AppointmentStatus",
      'WEB', 40, 2500 + ((n * 31) % 5) * 1500, 'GBP', CASE WHEN n % 17 = 0 THEN t - interval '3 hours' END, now()
    FROM (
      SELECT row_number() OVER () - 1 AS n, st,
        (('2029-01-01'::date + d) + time '09:00' + make_interval(mins => 45 * k)) AT TIME ZONE 'Europe/London' AS t
      FROM generate_series(0, 364) AS d, generate_series(0, ${STYLISTS - 1}) AS st, generate_series(0, 13) AS k
      LIMIT ${APPOINTMENTS}
    ) AS slots,
    (SELECT ${staff}::text[] AS s, ${customers}::text[] AS c, ${services.map((service) => service.id)}::text[] AS v) AS ids`;
  await db.$executeRawUnsafe(`ANALYZE "Appointment"`);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const count = await db.appointment.count();

  const admin = { kind: "user", userId: "bench", role: "ADMIN" } as const;
  const scope = reportScope(admin, YEAR, { timezone: "Europe/London", cancelCutoffMinutes: 1440 });
  const reports = {
    revenueByDay: data.revenueByDay,
    figuresByStylist: data.figuresByStylist,
    figuresByService: data.figuresByService,
    workingMinutesByStylist: data.workingMinutesByStylist,
    customerFigures: data.customerFigures,
    busiestHours: data.busiestHours,
  };
  const timings: Record<string, number> = {};
  for (const [name, run] of Object.entries(reports)) {
    await run(scope);
    const runs: number[] = [];
    for (let index = 0; index < RUNS; index++) {
      const started = performance.now();
      await run(scope);
      runs.push(performance.now() - started);
    }
    timings[name] = round(runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, 1);
  }
  await disconnectDatabase();
  console.log(
    `Reports over ${count} appointments of 2029 on ${database.kind} (seeded in ${round(seedSeconds, 1)} s), median of ${RUNS} runs`,
  );
  printTable(Object.entries(timings).map(([report, ms]) => ({ report, "median ms": ms })));
  const slowest = Math.max(...Object.values(timings));
  printJsonResult({ bench: "reports", database: database.kind, appointments: count, medianMs: timings, slowestMs: slowest, targetMs: 300 });
} finally {
  await database.drop();
}
